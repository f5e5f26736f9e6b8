namespace Platform.Property.Domain.Roll;

/// <summary>Who holds an exclusive unit.</summary>
public enum HolderKind
{
    /// <summary>A natural person, known by the ID number.</summary>
    Person,

    /// <summary>A company or other organisation, known by its unified social credit code.</summary>
    Company,

    /// <summary>The area's developer (建设单位), holding a unit it has not sold.</summary>
    Developer,
}
