namespace GiBot.Protocol.Schema;

/// <summary>The error shape GiBot puts on the wire: the connector's <c>{"error":{code,message}}</c>.</summary>
public sealed record ErrorBody(ErrorDetail Error)
{
    public static ErrorBody Of(string code, string message) => new(new ErrorDetail(code, message));
}

public sealed record ErrorDetail(string Code, string Message);
