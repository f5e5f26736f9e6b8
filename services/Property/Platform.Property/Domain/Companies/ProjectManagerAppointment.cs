using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;

namespace Platform.Property.Domain.Companies;

/// <summary>
/// A property company's project manager (项目经理) for an area. The manager must report to the residents' committee
/// within <see cref="ReportDays"/> days of taking office; a report after that, or none by then, is late and listed for
/// the street. A new appointment for the area ends the one before.
/// </summary>
public sealed class ProjectManagerAppointment : ITenantOwned
{
    /// <summary>The days a new project manager has to report to the residents' committee.</summary>
    public const int ReportDays = 3;

    /// <summary>The longest name.</summary>
    public const int NameMaxLength = 50;

    private ProjectManagerAppointment()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The area.</summary>
    public Guid AreaId { get; private set; }

    /// <summary>The company holding the area's contract.</summary>
    public Guid CompanyId { get; private set; }

    /// <summary>The manager's name.</summary>
    public string Name { get; private set; } = "";

    /// <summary>The day the manager took office (district time).</summary>
    public DateOnly TookOfficeOn { get; private set; }

    /// <summary>The last day of a report on time: <see cref="ReportDays"/> days after taking office.</summary>
    public DateOnly ReportDueOn { get; private set; }

    /// <summary>The day the residents' committee received the report, once it has.</summary>
    public DateOnly? ReportedOn { get; private set; }

    /// <summary>Who recorded that the residents' committee received it.</summary>
    public string? ReportRecordedBy { get; private set; }

    /// <summary>The day a later appointment replaced this one.</summary>
    public DateOnly? EndedOn { get; private set; }

    /// <summary>When the appointment was recorded.</summary>
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Why a name is unacceptable, or null.</summary>
    public static string? NameProblem(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "The project manager's name is required."
        : name.Trim().Length > NameMaxLength ? $"At most {NameMaxLength} characters."
        : null;

    /// <summary>Records that <paramref name="companyId"/>'s manager took office in the area, ending <paramref name="current"/>.</summary>
    public static ProjectManagerAppointment Appoint(
        Guid areaId, Guid companyId, string name, DateOnly tookOfficeOn, ProjectManagerAppointment? current, DateTimeOffset now)
    {
        if (NameProblem(name) is { } problem)
        {
            throw new ArgumentException(problem, nameof(name));
        }

        if (tookOfficeOn > DistrictClock.Today(now))
        {
            throw new DomainException(PropertyErrors.AppointmentDate, "A project manager is recorded once in office, not before.", "tookOfficeOn");
        }

        if (current is not null && tookOfficeOn < current.TookOfficeOn)
        {
            throw new DomainException(PropertyErrors.AppointmentDate, $"The area's current manager took office on {current.TookOfficeOn:yyyy-MM-dd}, after that day.", "tookOfficeOn");
        }

        current?.End(tookOfficeOn);
        return new ProjectManagerAppointment
        {
            Id = Guid.CreateVersion7(now), AreaId = areaId, CompanyId = companyId, Name = name.Trim(), TookOfficeOn = tookOfficeOn,
            ReportDueOn = tookOfficeOn.AddDays(ReportDays), RecordedAt = now,
        };
    }

    /// <summary>Records that the residents' committee received the manager's report on <paramref name="reportedOn"/>.</summary>
    public void RecordReport(DateOnly reportedOn, string recordedBy, DateTimeOffset now)
    {
        if (ReportedOn is not null)
        {
            throw new DomainException(PropertyErrors.AlreadyReported, $"The report was received on {ReportedOn:yyyy-MM-dd} already.");
        }

        if (reportedOn < TookOfficeOn || reportedOn > DistrictClock.Today(now))
        {
            throw new DomainException(PropertyErrors.AppointmentDate, "A report is received between taking office and today.", "reportedOn");
        }

        ReportedOn = reportedOn;
        ReportRecordedBy = recordedBy;
    }

    /// <summary>Whether the report came, or is still missing, after <see cref="ReportDueOn"/>.</summary>
    public bool IsLate(DateOnly today) => ReportedOn is { } reported ? reported > ReportDueOn : today > ReportDueOn;

    private void End(DateOnly on) => EndedOn ??= on;
}
