using GiBot.Measures.Registry;

namespace GiBot.Overview;

/// <summary>One unit across the measures it owns: how many, how many reported this period, mean percent and worst mark.</summary>
public sealed record UnitSummary(Unit Unit, int Measures, int Reported, int Percent, RagMark Mark);
