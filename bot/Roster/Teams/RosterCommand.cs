namespace GiBot.Roster.Teams;

/// <summary>What a roster message asks for. Unit and person texts are resolved later, so unknown ones get a precise answer.</summary>
public abstract record RosterCommand;

/// <summary>"我的措施", or "我的措施 温县" for one of the user's units.</summary>
public sealed record ShowMyMeasures(string? UnitText = null) : RosterCommand;

public sealed record ShowJoinPicker : RosterCommand;

public sealed record RequestJoin(string UnitText, RosterRole Role) : RosterCommand;

public sealed record ListRoster(string? UnitText) : RosterCommand;

public sealed record AddPerson(string Who, string UnitText, string? RoleText) : RosterCommand;

public sealed record RemovePerson(string Who, string? UnitText) : RosterCommand;

public sealed record ChangeRole(string Who, string? UnitText, RosterRole Role) : RosterCommand;
