namespace GiBot.Updates;

/// <summary>What the update card may offer this user: their measures, the units for the draft's measure, and whether the period is editable.</summary>
public sealed record UpdateFormContext(IReadOnlyList<int> Measures, IReadOnlyList<string> Units, bool CanEditPeriod);
