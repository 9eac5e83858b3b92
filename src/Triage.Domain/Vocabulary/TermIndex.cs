namespace Triage.Domain.Vocabulary;

/// <summary>
/// Finds every occurrence of many terms in one pass over a text (Aho-Corasick). Terms are matched
/// on the lower-cased, normalised text; a term with ASCII letters or digits at an edge matches only
/// at a word boundary there, so "fit" is not found in "fitting", and a term ending in <c>*</c>
/// matches any word it begins ("convuls*").
/// </summary>
public sealed class TermIndex
{
    private const int Root = 0;
    private readonly int[] _rootNext = new int[char.MaxValue + 1];
    private readonly Dictionary<long, int> _next = [];
    private readonly int[] _fail;
    private readonly int[][] _outputs;
    private readonly int[] _lengths;
    private readonly bool[] _boundaryBefore;
    private readonly bool[] _boundaryAfter;

    /// <summary>Compiles <paramref name="terms"/>; a term's id is its position in the list.</summary>
    public TermIndex(IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        Terms = terms;
        _lengths = new int[terms.Count];
        _boundaryBefore = new bool[terms.Count];
        _boundaryAfter = new bool[terms.Count];
        var children = new List<Dictionary<char, int>> { new() };
        var own = new List<List<int>> { new() };
        for (var id = 0; id < terms.Count; id++)
        {
            var (text, prefix) = Parse(terms[id]);
            if (text.Length == 0)
            {
                throw new ArgumentException($"term {id} is empty", nameof(terms));
            }

            _lengths[id] = text.Length;
            _boundaryBefore[id] = IsWordChar(text[0]);
            _boundaryAfter[id] = !prefix && IsWordChar(text[^1]);
            var node = Root;
            foreach (var c in text)
            {
                if (!children[node].TryGetValue(c, out var child))
                {
                    child = children.Count;
                    children[node][c] = child;
                    children.Add([]);
                    own.Add([]);
                }

                node = child;
            }

            own[node].Add(id);
        }

        _fail = new int[children.Count];
        _outputs = new int[children.Count][];
        _outputs[Root] = [.. own[Root]];
        var queue = new Queue<int>();
        foreach (var (c, child) in children[Root])
        {
            _rootNext[c] = child;
            _fail[child] = Root;
            queue.Enqueue(child);
        }

        // Breadth first, so a node's failure target is complete before the node is.
        while (queue.TryDequeue(out var node))
        {
            _outputs[node] = [.. own[node], .. _outputs[_fail[node]]];
            foreach (var (c, child) in children[node])
            {
                _next[Key(node, c)] = child;
                var f = _fail[node];
                while (f != Root && !_next.ContainsKey(Key(f, c)))
                {
                    f = _fail[f];
                }

                _fail[child] = Step(f, c) is var s && s != child ? s : Root;
                queue.Enqueue(child);
            }
        }
    }

    /// <summary>The terms, as given (with any trailing <c>*</c>).</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>Calls <paramref name="found"/> with (term id, start, length) for every occurrence, in order of their end.</summary>
    public void FindAll(ReadOnlySpan<char> text, Action<int, int, int> found)
    {
        ArgumentNullException.ThrowIfNull(found);
        var state = Root;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            while (true)
            {
                if (state == Root)
                {
                    state = _rootNext[c];
                    break;
                }

                if (_next.TryGetValue(Key(state, c), out var next))
                {
                    state = next;
                    break;
                }

                state = _fail[state];
            }

            foreach (var id in _outputs[state])
            {
                var start = i - _lengths[id] + 1;
                if (_boundaryBefore[id] && start > 0 && IsWordChar(text[start - 1]))
                {
                    continue;
                }

                if (_boundaryAfter[id] && i + 1 < text.Length && IsWordChar(text[i + 1]))
                {
                    continue;
                }

                found(id, start, _lengths[id]);
            }
        }
    }

    /// <summary>True when the text holds any of the terms.</summary>
    public bool Any(ReadOnlySpan<char> text)
    {
        var any = false;
        FindAll(text, (_, _, _) => any = true);
        return any;
    }

    /// <summary>A term's text without its wildcard, and whether it is a prefix.</summary>
    public static (string Text, bool Prefix) Parse(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        return term.EndsWith('*') ? (term[..^1], true) : (term, false);
    }

    /// <summary>Letters and digits of ASCII: the characters English words are made of.</summary>
    public static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c);

    private int Step(int state, char c) =>
        state == Root ? _rootNext[c] : _next.TryGetValue(Key(state, c), out var next) ? next : Root;

    private static long Key(int node, char c) => ((long)node << 16) | c;
}
