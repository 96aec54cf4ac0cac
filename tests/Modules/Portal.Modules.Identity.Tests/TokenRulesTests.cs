using Portal.Modules.Identity.Domain;
using Portal.Shared.Abstractions;
using Xunit;

namespace Portal.Modules.Identity.Tests;

/// <summary>
/// The token rules on their own (no Host): a password-reset link is usable once and for a short time, a newer link
/// ends the older; a session lives an idle period at a time, never past its absolute lifetime, and ends when revoked.
/// </summary>
public sealed class TokenRulesTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly SessionLifetime Lifetime = new(Idle: TimeSpan.FromDays(14), Absolute: TimeSpan.FromDays(30));

    [Fact]
    public void A_reset_link_keeps_only_the_hash_of_its_token_and_is_usable_until_it_expires()
    {
        var userId = Guid.NewGuid();

        var (link, token) = PasswordResetToken.Issue(userId, Monday, TimeSpan.FromMinutes(30));

        Assert.Equal(userId, link.UserId);
        Assert.Equal(SecretTokens.Hash(token), link.TokenHash);
        Assert.DoesNotContain(token, link.TokenHash, StringComparison.Ordinal);
        Assert.Equal(Monday.AddMinutes(30), link.ExpiresAt);
        Assert.Equal(PasswordResetStatus.Usable, link.StatusAt(Monday.AddMinutes(29)));
        Assert.Equal(PasswordResetStatus.Expired, link.StatusAt(Monday.AddMinutes(30)));
    }

    [Fact]
    public void Two_links_never_share_a_token()
    {
        var (_, first) = PasswordResetToken.Issue(Guid.NewGuid(), Monday, TimeSpan.FromMinutes(30));
        var (_, second) = PasswordResetToken.Issue(Guid.NewGuid(), Monday, TimeSpan.FromMinutes(30));

        Assert.NotEqual(first, second);
        Assert.True(first.Length >= 43, "32 random bytes, base64url");
    }

    [Fact]
    public void A_reset_link_is_used_once()
    {
        var (link, _) = PasswordResetToken.Issue(Guid.NewGuid(), Monday, TimeSpan.FromMinutes(30));

        Assert.True(link.TryUse(Monday.AddMinutes(5)));
        Assert.False(link.TryUse(Monday.AddMinutes(6)));
        Assert.Equal(Monday.AddMinutes(5), link.UsedAt);
        Assert.Equal(PasswordResetStatus.Used, link.StatusAt(Monday.AddMinutes(6)));
        Assert.Equal(PasswordResetStatus.Used, link.StatusAt(Monday.AddDays(1)));   // used stays used, not expired
    }

    [Fact]
    public void An_expired_link_cannot_be_used()
    {
        var (link, _) = PasswordResetToken.Issue(Guid.NewGuid(), Monday, TimeSpan.FromMinutes(30));

        Assert.False(link.TryUse(Monday.AddMinutes(31)));
        Assert.Null(link.UsedAt);
    }

    [Fact]
    public void A_newer_link_ends_a_usable_one_at_once_and_leaves_a_used_one_as_it_was()
    {
        var (usable, _) = PasswordResetToken.Issue(Guid.NewGuid(), Monday, TimeSpan.FromMinutes(30));
        var (used, _) = PasswordResetToken.Issue(Guid.NewGuid(), Monday, TimeSpan.FromMinutes(30));
        Assert.True(used.TryUse(Monday.AddMinutes(1)));

        usable.Supersede(Monday.AddMinutes(2));
        used.Supersede(Monday.AddMinutes(2));

        Assert.Equal(PasswordResetStatus.Expired, usable.StatusAt(Monday.AddMinutes(2)));
        Assert.False(usable.TryUse(Monday.AddMinutes(3)));
        Assert.Equal(PasswordResetStatus.Used, used.StatusAt(Monday.AddMinutes(2)));
        Assert.Equal(Monday.AddMinutes(30), used.ExpiresAt);
    }

    [Fact]
    public void A_session_lives_an_idle_period_from_its_last_use()
    {
        var session = UserSession.Start(Guid.NewGuid(), Monday, Lifetime, "Firefox");

        Assert.Equal(Monday.AddDays(14), session.ExpiresAt);
        Assert.True(session.IsActiveAt(Monday.AddDays(13), Lifetime));
        Assert.False(session.IsActiveAt(Monday.AddDays(14), Lifetime));

        session.Touch(Monday.AddDays(10), Lifetime);
        Assert.Equal(Monday.AddDays(10), session.LastUsedAt);
        Assert.Equal(Monday.AddDays(24), session.ExpiresAt);
        Assert.True(session.IsActiveAt(Monday.AddDays(20), Lifetime));
    }

    [Fact]
    public void Use_never_keeps_a_session_past_its_absolute_lifetime()
    {
        var session = UserSession.Start(Guid.NewGuid(), Monday, Lifetime, null);

        session.Touch(Monday.AddDays(25), Lifetime);

        Assert.Equal(Monday.AddDays(30), session.ExpiresAt);
        Assert.False(session.IsActiveAt(Monday.AddDays(30), Lifetime));
    }

    [Fact]
    public void A_session_started_under_a_longer_setting_ends_when_the_setting_is_shortened()
    {
        var session = UserSession.Start(Guid.NewGuid(), Monday, Lifetime, null);
        var shortened = Lifetime with { Absolute = TimeSpan.FromDays(7) };

        Assert.True(session.IsActiveAt(Monday.AddDays(8), Lifetime));
        Assert.False(session.IsActiveAt(Monday.AddDays(8), shortened));
    }

    [Fact]
    public void A_revoked_session_ends_and_keeps_its_first_reason()
    {
        var session = UserSession.Start(Guid.NewGuid(), Monday, Lifetime, null);

        session.Revoke(Monday.AddHours(1), SessionRevocationReasons.Logout);
        session.Revoke(Monday.AddHours(2), SessionRevocationReasons.PasswordChanged);

        Assert.False(session.IsActiveAt(Monday.AddHours(1), Lifetime));
        Assert.Equal((Monday.AddHours(1), SessionRevocationReasons.Logout), (session.RevokedAt!.Value, session.RevokedReason!));
    }

    [Fact]
    public void A_long_user_agent_is_cut_to_256_characters()
    {
        var session = UserSession.Start(Guid.NewGuid(), Monday, Lifetime, new string('x', 300));

        Assert.Equal(256, session.UserAgent!.Length);
    }
}
