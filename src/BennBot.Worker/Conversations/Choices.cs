namespace BennBot.Worker.Conversations;

/// <summary>Multiple-choice buttons (✅ on the chosen ones): a tap adds or removes one.</summary>
public static class Choices
{
    public static List<T> Toggled<T>(List<T> list, T item) => list.Contains(item) ? list.Where(x => !Equals(x, item)).ToList() : [.. list, item];
}
