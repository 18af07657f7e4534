using System.Reflection;
using System.Reflection.Emit;
using BennBot.Worker.Conversations;

namespace BennBot.Tests.Storage;

/// <summary>Where the worker calls LiteDB, read from its compiled code: every member of a LiteDB type that a method
/// calls or reads (collections, queries, <c>BsonExpression</c>, the mapper), with the class it is written in.</summary>
public static class LiteDbUse
{
    public sealed record Call(Type Owner, MemberInfo Member);

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    public static IReadOnlyList<Call> All { get; } = Scan(); // after the table above: static fields start in order

    /// <summary>The class a method is written in: a lambda's or an iterator's compiler-made class counts as the class around it.</summary>
    public static Type OwnerOf(Type t) => t.DeclaringType is { } outer ? OwnerOf(outer) : t;

    private static List<Call> Scan()
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var calls = new List<Call>();
        foreach (var type in typeof(Conversation).Assembly.GetTypes())
        {
            var methods = type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all));
            foreach (var method in methods)
                calls.AddRange(Referenced(method).Where(m => IsLiteDb(m is Type t ? t : m.DeclaringType)).Select(m => new Call(OwnerOf(type), m)));
        }
        return calls;
    }

    private static bool IsLiteDb(Type? t) => t?.Assembly.GetName().Name == "LiteDB";

    // Walks the method's IL and resolves every operand that names a method, field or type.
    private static IEnumerable<MemberInfo> Referenced(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null) yield break;
        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            var value = il[i] == 0xFE ? unchecked((short)(0xFE00 | il[i + 1])) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            var op = OpCodesByValue[value];
            switch (op.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    MemberInfo? member;
                    try { member = method.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArgs, methodArgs); }
                    catch (ArgumentException) { member = null; }
                    if (member is not null) yield return member;
                    i += 4;
                    break;
                case OperandType.InlineNone: break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar: i += 1; break;
                case OperandType.InlineVar: i += 2; break;
                case OperandType.InlineI8 or OperandType.InlineR: i += 8; break;
                case OperandType.InlineSwitch: i += 4 + 4 * BitConverter.ToInt32(il, i); break;
                default: i += 4; break;
            }
        }
    }
}
