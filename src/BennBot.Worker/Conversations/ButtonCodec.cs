using BennBot.Content;

namespace BennBot.Worker.Conversations;

/// <summary>How a feature reads its own buttons back (issue 14), so that a new feature's buttons need no line in
/// <see cref="ButtonAction"/>: its records live in its folder, derive from <see cref="ButtonAction"/> and write their
/// data themselves (<see cref="ButtonAction.Data"/>); <see cref="Kinds"/> are the codes before the first ':' that it
/// owns, and <see cref="Decode"/>(kind, argument, content) checks every field as untrusted and returns null for
/// anything it does not know. The router lists every feature's codec (<see cref="Conversation.FeatureButtons"/>).</summary>
public sealed record ButtonCodec(IReadOnlyList<string> Kinds, Func<string, string?, ContentSet, ButtonAction?> Decode)
{
    /// <summary>Kind → codec; throws at start when two features claim the same kind.</summary>
    public static IReadOnlyDictionary<string, ButtonCodec> Table(params ButtonCodec[] codecs) =>
        codecs.SelectMany(c => c.Kinds.Select(k => (Kind: k, Codec: c))).ToDictionary(x => x.Kind, x => x.Codec, StringComparer.Ordinal);
}
