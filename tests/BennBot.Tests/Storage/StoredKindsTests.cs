using BennBot.Worker.Privacy;

namespace BennBot.Tests.Storage;

/// <summary>Issue 14: a type the database stores is covered by /mydata, /delete and retention, or says why it holds
/// nothing about residents.</summary>
public sealed class StoredKindsTests
{
    // What the worker stores, read from its compiled code: every type it maps (Storage/Mappings.cs) or opens a collection of.
    private static readonly IReadOnlyList<Type> Stored = LiteDbUse.All
        .Where(c => c.Member is System.Reflection.MethodInfo { IsGenericMethod: true, Name: "Entity" or "GetCollection" })
        .Select(c => ((System.Reflection.MethodInfo)c.Member).GetGenericArguments()[0]).Distinct().ToList();

    [Fact]
    public void Every_stored_type_says_how_mydata_delete_and_retention_handle_it()
    {
        var declared = StoredKinds.All.Select(k => k.Type).ToList();
        var missing = Stored.Except(declared).Select(t => t.FullName).Order().ToList();
        Assert.True(missing.Count == 0, "Stored, but not in Privacy/StoredKinds.cs:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_entry_is_a_stored_type_declared_once_and_answers_each_question()
    {
        Assert.Equal(StoredKinds.All.Count, StoredKinds.All.Select(k => k.Type).Distinct().Count());
        Assert.All(StoredKinds.All, k =>
        {
            Assert.Contains(k.Type, Stored);
            Assert.False(string.IsNullOrWhiteSpace(k.Delete));
            Assert.False(string.IsNullOrWhiteSpace(k.Retention));
            // Either /mydata shows it, or the entry says why there is nothing to show.
            Assert.True(k.Shown.Count > 0 != !string.IsNullOrWhiteSpace(k.NoResidentData), k.Type.Name);
            // What /mydata shows of a resident, /delete and retention erase (ForgetResident runs every entry's Erase).
            Assert.True(k.Shown.Count > 0 == k.Erase is not null, k.Type.Name);
        });
    }

    [Fact]
    public void The_scan_finds_the_mapped_types() =>
        Assert.Contains(typeof(BennBot.Worker.Residents.Resident), Stored);
}
