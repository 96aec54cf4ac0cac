using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Web.Components.Api;

/// <summary>The REST API's JSON: camelCase names, enums as their camelCase words.</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
