namespace GiBot.AppPackage;

/// <summary>A package cannot be built; the message is one line that says what to fix.</summary>
public sealed class AppPackageException(string message) : Exception(message);
