namespace Portal.Web.Components;

/// <summary>The personal-details form: what a practitioner types, and the body the API takes.</summary>
public sealed class PatientFormModel
{
    public string GivenName { get; set; } = string.Empty;
    public string FamilyName { get; set; } = string.Empty;
    public string? PreferredName { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    public string? Sex { get; set; }
    public string? Email { get; set; }
    public string? MobilePhone { get; set; }
    public string? Line1 { get; set; }
    public string? Line2 { get; set; }
    public string? Suburb { get; set; }
    public string? State { get; set; }
    public string? Postcode { get; set; }
    public string? ContactName { get; set; }
    public string? ContactRelationship { get; set; }
    public string? ContactPhone { get; set; }

    public static PatientFormModel From(PersonDetails p) => new()
    {
        GivenName = p.GivenName, FamilyName = p.FamilyName, PreferredName = p.PreferredName, DateOfBirth = p.DateOfBirth, Sex = p.Sex,
        Email = p.Email, MobilePhone = p.MobilePhone, Line1 = p.Address?.Line1, Line2 = p.Address?.Line2, Suburb = p.Address?.Suburb,
        State = p.Address?.State, Postcode = p.Address?.Postcode, ContactName = p.EmergencyContact?.Name,
        ContactRelationship = p.EmergencyContact?.Relationship, ContactPhone = p.EmergencyContact?.Phone,
    };

    /// <summary>What the browser checks before sending (the API checks everything again): field → message.</summary>
    public Dictionary<string, string[]> Check(DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(GivenName)) errors["givenName"] = ["Enter the given name."];
        if (string.IsNullOrWhiteSpace(FamilyName)) errors["familyName"] = ["Enter the family name."];
        if (DateOfBirth is null) errors["dateOfBirth"] = ["Enter the date of birth."];
        else if (DateOfBirth > today) errors["dateOfBirth"] = ["The date of birth cannot be in the future."];
        if (!string.IsNullOrWhiteSpace(Email) && !Email.Contains('@', StringComparison.Ordinal)) errors["email"] = ["Enter a valid email address."];
        if (HasAddress && (string.IsNullOrWhiteSpace(Line1) || string.IsNullOrWhiteSpace(Suburb) || string.IsNullOrWhiteSpace(State) || string.IsNullOrWhiteSpace(Postcode)))
            errors["address"] = ["An address needs a street, suburb, state and postcode."];
        if (HasContact && (string.IsNullOrWhiteSpace(ContactName) || string.IsNullOrWhiteSpace(ContactRelationship) || string.IsNullOrWhiteSpace(ContactPhone)))
            errors["emergencyContact"] = ["An emergency contact needs a name, relationship and phone."];
        return errors;
    }

    private bool HasAddress => new[] { Line1, Line2, Suburb, State, Postcode }.Any(v => !string.IsNullOrWhiteSpace(v));
    private bool HasContact => new[] { ContactName, ContactRelationship, ContactPhone }.Any(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>The API body (blank optional fields as null), with <paramref name="version"/> for an edit.</summary>
    public object ToBody(int? version = null)
    {
        var address = HasAddress ? new { line1 = Line1?.Trim(), line2 = Blank(Line2), suburb = Suburb?.Trim(), state = State, postcode = Postcode?.Trim(), country = "AU" } : null;
        var contact = HasContact ? new { name = ContactName?.Trim(), relationship = ContactRelationship?.Trim(), phone = ContactPhone?.Trim() } : null;
        return version is null
            ? new { givenName = GivenName.Trim(), familyName = FamilyName.Trim(), preferredName = Blank(PreferredName), dateOfBirth = DateOfBirth, sex = Blank(Sex), email = Blank(Email), mobilePhone = Blank(MobilePhone), address, emergencyContact = contact }
            : new { givenName = GivenName.Trim(), familyName = FamilyName.Trim(), preferredName = Blank(PreferredName), dateOfBirth = DateOfBirth, sex = Blank(Sex), email = Blank(Email), mobilePhone = Blank(MobilePhone), address, emergencyContact = contact, version };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>A person's details as the API shows them (the practice's patient record and the patient's own profile).</summary>
public sealed record PersonDetails(
    string GivenName, string FamilyName, string? PreferredName, DateOnly DateOfBirth, string? Sex, string? Email, string? MobilePhone,
    AddressDetails? Address, EmergencyContactDetails? EmergencyContact);

public sealed record AddressDetails(string Line1, string? Line2, string Suburb, string State, string Postcode, string? Country);

public sealed record EmergencyContactDetails(string Name, string Relationship, string Phone);

public static class FormChanges
{
    /// <summary>The fields of <paramref name="edited"/> that differ from <paramref name="original"/> (a PATCH body).</summary>
    public static System.Text.Json.Nodes.JsonObject Between(object original, object edited)
    {
        var before = System.Text.Json.JsonSerializer.SerializeToNode(original, Api.ApiJson.Options)!.AsObject();
        var after = System.Text.Json.JsonSerializer.SerializeToNode(edited, Api.ApiJson.Options)!.AsObject();
        var changes = new System.Text.Json.Nodes.JsonObject();
        foreach (var (field, value) in after)
        {
            if (!System.Text.Json.Nodes.JsonNode.DeepEquals(before[field], value))
            {
                changes[field] = value?.DeepClone();
            }
        }

        return changes;
    }
}
