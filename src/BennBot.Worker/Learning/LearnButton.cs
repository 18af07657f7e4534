using BennBot.Content;
using BennBot.Worker.Conversations;

namespace BennBot.Worker.Learning;

/// <summary>Staff turning a resident's question into an example (issue 16): the buttons and their codec. Who pressed is
/// checked when they are handled (and by the router's staff check, <c>Conversation.NotForResidents</c>).</summary>
public abstract record LearnButton : ButtonAction
{
    public sealed record About(long QuestionId) : LearnButton
    {
        protected override string Data() => "Le:" + QuestionId;
    }

    public sealed record ChooseCategory(long QuestionId, string CategoryId) : LearnButton
    {
        protected override string Data() => $"Lc:{QuestionId}:{CategoryId}";
    }

    /// <summary>Target: an entry id, or <see cref="QuestionIndex.LegalTarget"/> / <see cref="QuestionIndex.OtherTarget"/>.</summary>
    public sealed record Teach(long QuestionId, string Target) : LearnButton
    {
        protected override string Data() => $"Lt:{QuestionId}:{TargetCode(Target)}";
    }

    public sealed record Confirm(long QuestionId) : LearnButton
    {
        protected override string Data() => "Ly:" + QuestionId;
    }

    public sealed record Cancel(long QuestionId) : LearnButton
    {
        protected override string Data() => "Lx:" + QuestionId;
    }

    public sealed record Forget(long ExampleId) : LearnButton
    {
        protected override string Data() => "Ld:" + ExampleId;
    }

    public static readonly ButtonCodec Codec = new(["Le", "Lc", "Lt", "Ly", "Lx", "Ld"], (kind, arg, content) => (kind, arg) switch
    {
        ("Le", not null) when ParseId(arg) is { } id => new About(id),
        ("Lc", not null) when arg.Split(':') is [var q, var c] && ParseId(q) is { } id && content.HasCategory(c) => new ChooseCategory(id, c),
        ("Lt", not null) when arg.Split(':') is [var q, var t] && ParseId(q) is { } id && TargetOf(t, content) is { } target => new Teach(id, target),
        ("Ly", not null) when ParseId(arg) is { } id => new Confirm(id),
        ("Lx", not null) when ParseId(arg) is { } id => new Cancel(id),
        ("Ld", not null) when ParseId(arg) is { } id => new Forget(id),
        _ => null,
    });

    private static string TargetCode(string target) => target switch
    {
        QuestionIndex.LegalTarget => "!l",
        QuestionIndex.OtherTarget => "!o",
        _ => target,
    };

    private static string? TargetOf(string code, ContentSet content) => code switch
    {
        "!l" => QuestionIndex.LegalTarget,
        "!o" => QuestionIndex.OtherTarget,
        _ when content.Entry(code) is not null => code,
        _ => null,
    };
}
