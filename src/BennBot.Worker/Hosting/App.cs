using BennBot.Content;
using Microsoft.Extensions.Configuration;

namespace BennBot.Worker.Hosting;

/// <summary>What every mode needs before it starts: validated settings and validated content.</summary>
public sealed record App(BennBotOptions Options, ContentSet Content, QuestionIndex Index, IConfiguration Configuration)
{
    public static IConfiguration BuildConfiguration(string[] configArgs) => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .AddCommandLine(configArgs)
        .Build();

    public static App Load(string[] configArgs)
    {
        var configuration = BuildConfiguration(configArgs);
        var (options, problems) = BennBotOptions.Read(configuration);
        if (problems.Count > 0) throw new StartupException(string.Join(Environment.NewLine, problems), ExitCodes.NotConfigured);
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
