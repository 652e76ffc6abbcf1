namespace GiBot.Overview;

/// <summary>Red, amber or green: how urgently a measure or unit needs the admins' attention. Ordered by urgency.</summary>
public enum RagMark
{
    Green,
    Amber,
    Red,
}
