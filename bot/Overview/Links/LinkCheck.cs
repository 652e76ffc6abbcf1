namespace GiBot.Overview.Links;

/// <summary>What checking a signed link found.</summary>
public enum LinkCheck
{
    Valid,
    Expired,
    Invalid,
}
