using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Triage.Domain.Vocabulary;

/// <summary>
/// Reads the reviewed vocabulary files (red flags, specialty lexicon) one way: snake_case keys, an
/// unknown key a failure, and every YAML error reported as the file's name and line.
/// </summary>
internal static class VocabularyYaml
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();

    /// <summary>The file's text read into <typeparamref name="T"/>; <paramref name="name"/> is the file's name for errors.</summary>
    public static T Read<T>(string name, string text)
    {
        try
        {
            using var reader = new StringReader(text);
            return Deserializer.Deserialize<T>(reader) ?? throw new InvalidDataException($"{name}: empty file");
        }
        catch (YamlException e)
        {
            throw new InvalidDataException($"{name}: line {e.Start.Line}: {e.Message}", e);
        }
    }
}
