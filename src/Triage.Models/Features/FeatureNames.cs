namespace Triage.Models.Features;

/// <summary>
/// Where each dimension of a feature vector came from, kept as positions in the text (or an index
/// into a few named facts) so that naming the handful of features an explanation shows costs
/// nothing on the way in: names are built only when asked.
/// </summary>
public sealed class FeatureNames
{
    private readonly string _text;
    private readonly long[] _origins;
    private readonly IReadOnlyList<string> _named;

    internal FeatureNames(string text, long[] origins, IReadOnlyList<string> named)
    {
        _text = text;
        _origins = origins;
        _named = named;
    }

    /// <summary>The name of the <paramref name="k"/>-th dimension of the vector (kind prefix and words), e.g. <c>c:湿疹</c>.</summary>
    public string Name(int k)
    {
        var origin = _origins[k];
        var kind = (int)(origin >>> 56);
        if (kind == ComplaintFeaturizer.NamedKind)
        {
            return _named[(int)(origin & 0xFFFFFFFF)];
        }

        var start = (int)((origin >> 28) & 0xFFFFFFF);
        var length = (int)(origin & 0xFFFFFFF);
        return string.Concat(ComplaintFeaturizer.TextKinds[kind], _text.AsSpan(start, length));
    }
}
