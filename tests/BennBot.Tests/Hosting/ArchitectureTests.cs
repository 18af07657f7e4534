using System.Reflection;
using BennBot.Worker.Conversations;

namespace BennBot.Tests.Hosting;

public sealed class ArchitectureTests
{
    /// <summary>Only the Telegram adapter (and the composition root that builds it) may touch Telegram.Bot types.</summary>
    [Fact]
    public void Features_never_touch_telegram_types()
    {
        var allowed = new[] { "BennBot.Worker.Telegram", "BennBot.Worker.Hosting" };
        var offenders = typeof(Conversation).Assembly.GetTypes()
            .Where(t => !allowed.Any(ns => t.Namespace?.StartsWith(ns, StringComparison.Ordinal) == true))
            .SelectMany(t => Signatures(t).Where(IsTelegram).Select(s => $"{t.FullName} uses {s.FullName}"))
            .ToList();
        Assert.Empty(offenders);
    }

    private static bool IsTelegram(Type t) => t.Assembly.GetName().Name == "Telegram.Bot";

    private static IEnumerable<Type> Signatures(Type t)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (t.BaseType is { } b) yield return b;
        foreach (var i in t.GetInterfaces()) yield return i;
        foreach (var f in t.GetFields(all)) yield return f.FieldType;
        foreach (var p in t.GetProperties(all)) yield return p.PropertyType;
        foreach (var m in t.GetMethods(all))
        {
            yield return m.ReturnType;
            foreach (var p in m.GetParameters()) yield return p.ParameterType;
            foreach (var l in m.GetMethodBody()?.LocalVariables ?? []) yield return l.LocalType;
        }
        foreach (var c in t.GetConstructors(all))
            foreach (var p in c.GetParameters()) yield return p.ParameterType;
    }
}
