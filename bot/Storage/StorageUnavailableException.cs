using GiBot.Localization;
using GiBot.Protocol.Turns;

namespace GiBot.Storage;

/// <summary>
/// The database could not be reached or refused a read or write. Nothing was saved by the call
/// that threw; features catch this and answer with <see cref="UserMessage"/>, never with a success.
/// </summary>
public sealed class StorageUnavailableException(string message, Exception? inner = null) : UserFacingException(message, inner)
{
    /// <summary>What to tell the user: the bot is temporarily unavailable, nothing was saved, try again later.</summary>
    public override string UserMessage(Language language) => Text(language);

    public static string Text(Language language) => language.Pick(
        "抱歉，GiBot 的数据服务暂时不可用，本次操作没有保存。请稍后再试；如持续出现，请联系知识产权保护科的管理员。",
        "Sorry, GiBot's storage is temporarily unavailable and nothing was saved this time. Please try again shortly; if it persists, contact the administrators at the IP Protection Section.");
}
