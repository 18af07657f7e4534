using BennBot.Content;
using BennBot.Worker.Conversations;
using BennBot.Worker.Privacy;
using BennBot.Worker.Storage;
using BennBot.Worker.Team;
using Microsoft.Extensions.Configuration;

namespace BennBot.Worker.Hosting;

/// <summary>What every mode needs before it starts: validated settings and validated content.</summary>
public sealed record App(BennBotOptions Options, ContentSet Content, QuestionIndex Index, IConfiguration Configuration)
{
    /// <summary>The conversation as the bot and the terminal run it, from these settings, with the examples the team
    /// confirmed already in the answers (issue 16). One place, so the two cannot drift apart (issue 14).</summary>
    public Conversation NewConversation(Database db, TimeProvider time)
    {
        var conversation = new Conversation(Content, Index, Options.DefaultLanguage, time, db, new StaffSettings(Options.StaffUserIds, Options.StaffChatId),
            new RetentionPeriods(Options.InactiveDays, Options.TopicLinkDays, Options.BackupsKept));
        conversation.SyncLearned();
        return conversation;
    }

    public static IConfiguration BuildConfiguration(string[] configArgs) => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .AddCommandLine(configArgs)
        .Build();

    public static App Load(string[] configArgs)
    {
        var (options, configuration) = Settings(configArgs);
        return Load(options, configuration);
    }

    /// <summary>The validated settings alone: the first step of every start.</summary>
    public static (BennBotOptions Options, IConfiguration Configuration) Settings(string[] configArgs)
    {
        var configuration = BuildConfiguration(configArgs);
        var (options, problems) = BennBotOptions.Read(configuration);
        if (problems.Count > 0) throw new StartupException(string.Join(Environment.NewLine, problems), ExitCodes.NotConfigured);
        return (options, configuration);
    }

    /// <summary>The seeds and the answer index for these settings: the part of a start that takes longest.</summary>
    public static App Load(BennBotOptions options, IConfiguration configuration)
    {
        var content = LoadContent(options.SeedsPath);
        return new App(options, content, new QuestionIndex(content, Storage.ModelCache.In(options.ModelCache)), configuration);
    }

    public static ContentSet LoadContent(string seedsPath)
    {
        var result = SeedLoader.Load(seedsPath);
        if (result.Content is null)
            throw new StartupException($"The content in {seedsPath} has problems:{Environment.NewLine}" + string.Join(Environment.NewLine, result.Problems.Select(p => "  - " + p)), ExitCodes.Failed);
        return result.Content;
    }
}
