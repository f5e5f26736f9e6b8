namespace Platform.TimeBank.Domain.Ledger;

/// <summary>What an account's minutes are for. Minutes never move between purposes.</summary>
public enum Purpose
{
    /// <summary>志愿服务时长: hours of volunteer service.</summary>
    VolunteerService = 0,

    /// <summary>互助时间币: time coins exchanged between neighbours.</summary>
    MutualAid = 1,

    /// <summary>党员服务时长: party members' service hours.</summary>
    PartyService = 2,
}

/// <summary>Who owns an account.</summary>
public enum OwnerType
{
    /// <summary>A volunteer, by platform user id.</summary>
    Volunteer = 0,

    /// <summary>A volunteer team, by team id.</summary>
    Team = 1,

    /// <summary>A community, by its territory node: the community fund.</summary>
    Community = 2,

    /// <summary>The district's time bank itself.</summary>
    Bank = 3,
}

/// <summary>What an account is, which decides its limits.</summary>
public enum AccountKind
{
    /// <summary>A volunteer's or a team's own minutes: capped, never below the minimum balance.</summary>
    Personal = 0,

    /// <summary>A community's fund (社区基金), spent on the community's needs: never below the minimum balance.</summary>
    CommunityFund = 1,

    /// <summary>The bank's source of every minute earned by service: its balance is minus all minutes ever issued.</summary>
    Issuance = 2,

    /// <summary>Where redeemed minutes go (catalogue items, services).</summary>
    Redemption = 3,

    /// <summary>Where expired minutes go.</summary>
    Expiry = 4,

    /// <summary>The bank's account with one counterparty district, for clearing (通存通兑).</summary>
    Clearing = 5,
}

/// <summary>Where a transfer stands.</summary>
public enum TransferStatus
{
    /// <summary>Reserved: the minutes are held on the debit account, nothing is posted yet.</summary>
    Pending = 0,

    /// <summary>Posted as two postings.</summary>
    Posted = 1,

    /// <summary>A pending transfer that was voided (or expired): its reservation was released, nothing moved.</summary>
    Voided = 2,
}
