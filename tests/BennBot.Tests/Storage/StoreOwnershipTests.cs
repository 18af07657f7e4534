namespace BennBot.Tests.Storage;

public sealed class StoreOwnershipTests
{
    /// <summary>Issue 14: a feature asks its store for what it needs (a named method); only the stores and Storage/
    /// call LiteDB, so a query, an index or a collection name can change in one place.</summary>
    [Fact]
    public void Only_stores_and_storage_call_litedb()
    {
        var offenders = LiteDbUse.All.Where(c => !IsStore(c.Owner))
            .Select(c => $"{c.Owner.FullName} calls {c.Member.DeclaringType?.Name}.{c.Member.Name}").Distinct().Order().ToList();
        Assert.True(offenders.Count == 0, "LiteDB called outside the stores:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void The_scan_sees_the_stores_calls() =>
        Assert.Contains(LiteDbUse.All, c => c.Owner.Name == "ResidentStore" && c.Member.Name == "GetCollection");

    // The inbox, the outbox and the sent cards are stores named for what they hold.
    private static bool IsStore(Type owner) =>
        owner.Namespace == "BennBot.Worker.Storage" || owner.Name.EndsWith("Store", StringComparison.Ordinal) || owner.Name is "Inbox" or "Outbox" or "SentCards";
}
