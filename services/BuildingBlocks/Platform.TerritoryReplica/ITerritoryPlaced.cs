namespace Platform.TerritoryReplica;

/// <summary>A record that keeps a copy of its territory node's materialised path, so a scope is one index range.</summary>
public interface ITerritoryPlaced
{
    /// <summary>The node's materialised path (byte-ordered column, see <see cref="SubtreeRange"/>).</summary>
    string NodePath { get; }
}
