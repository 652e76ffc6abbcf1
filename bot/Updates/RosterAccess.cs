using GiBot.Roster;

namespace GiBot.Updates;

/// <summary>
/// The roster directory when one is registered. The update feature never registers its own: until the
/// roster is wired, every request is refused with an explanation instead of failing at start.
/// </summary>
public sealed class RosterAccess(IServiceProvider services)
{
    public IRosterDirectory? Directory => services.GetService<IRosterDirectory>();
}
