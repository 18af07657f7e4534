namespace BennBot.Worker.Topics;

public static class TopicFields
{
    /// <summary>A first guess the team can change: the plan itself puts work against racism and discrimination in
    /// "communication and dialogue", participation in "empowerment and participation", and meeting people in
    /// "encounter". Everything else waits for the team.</summary>
    public static FieldOfAction Guess(TopicCategory c) => c switch
    {
        TopicCategory.Discrimination => FieldOfAction.Dialogue,
        TopicCategory.Participation => FieldOfAction.Empowerment,
        TopicCategory.Leisure => FieldOfAction.Encounter,
        _ => FieldOfAction.Unassigned,
    };
}
