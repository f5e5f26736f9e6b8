using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Platform.PersonalData;

/// <summary>Registers the one way every service protects ID numbers and phones.</summary>
public static class PersonalDataServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="PersonalDataOptions"/> to the <c>PersonalData</c> section and registers the
    /// <see cref="PersonalDataProtector"/> singleton. The keys are checked when the host starts, before any
    /// hosted service (schema migration, the bus) runs: a service that could not protect or find personal data
    /// must not start at all, rather than fail on the first request that stores some.
    /// </summary>
    /// <remarks>
    /// Every service reads the same section, so with the same <c>PersonalData:LookupKey</c> the same person has the
    /// same lookup hash in every service's database.
    /// </remarks>
    public static IServiceCollection AddPersonalData(this IServiceCollection services)
    {
        services.AddOptions<PersonalDataOptions>().BindConfiguration(PersonalDataOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PersonalDataOptions>, PersonalDataOptionsValidator>());
        services.TryAddSingleton<PersonalDataProtector>();
        return services;
    }

    private sealed class PersonalDataOptionsValidator : IValidateOptions<PersonalDataOptions>
    {
        public ValidateOptionsResult Validate(string? name, PersonalDataOptions options) =>
            PersonalDataKeys.TryRead(options, out _, out var problem) ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problem);
    }
}
