namespace GiBot.Updates;

/// <summary>What a caller asked of the updates, so that a refusal says what they cannot do.</summary>
public enum UpdateAsk
{
    Report,
    View,
}
