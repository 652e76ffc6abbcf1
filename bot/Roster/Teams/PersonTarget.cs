namespace GiBot.Roster.Teams;

/// <summary>The person an admin command is about: keyed by aadObjectId when known, otherwise by email.</summary>
public sealed record PersonTarget(string PersonId, string? AadObjectId, string? Email, string? Name)
{
    public string Display => Name ?? Email ?? AadObjectId ?? PersonId;
}

/// <summary>A person found, or why not (zh, en).</summary>
public sealed record PersonLookup(PersonTarget? Target, string? ProblemChinese = null, string? ProblemEnglish = null);
