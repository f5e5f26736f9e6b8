using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Platform.MultiTenancy.EntityFramework;

/// <summary>
/// Writes many rows of a mapped entity with PostgreSQL's binary <c>COPY</c>, the fastest way in, for imports of
/// tens of thousands of rows where <c>SaveChanges</c> would take minutes. Column names and types come from
/// the EF Core model, so the rows land exactly as <c>SaveChanges</c> would have written them, and the same
/// tenant rules hold: tenant-owned rows are stamped with the current tenant, and another tenant's row is refused.
/// Runs on the context's connection inside its current transaction (start one first).
/// </summary>
public static class TenantBulkCopy
{
    /// <summary>Inserts <paramref name="entities"/>; returns how many rows were written.</summary>
    public static async Task<ulong> InsertAsync<TEntity>(DbContext db, IEnumerable<TEntity> entities, CancellationToken cancellationToken)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entities);
        if (IsKnownEmpty(entities))
        {
            return 0;
        }

        var table = Table.Of<TEntity>(db);
        return await CopyAsync(Connection(db), table.Name, table, entities, TenantOf<TEntity>(db), cancellationToken);
    }

    /// <summary>
    /// Overwrites the stored rows of <paramref name="entities"/> (matched by primary key, within the current
    /// tenant for tenant-owned entities) with their current values; returns how many rows were updated.
    /// </summary>
    public static async Task<int> UpdateAsync<TEntity>(DbContext db, IEnumerable<TEntity> entities, CancellationToken cancellationToken)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entities);
        if (IsKnownEmpty(entities))
        {
            return 0;
        }

        var table = Table.Of<TEntity>(db);
        var tenantId = TenantOf<TEntity>(db);
        var connection = Connection(db);
        var staging = $"bulk_update_{Guid.NewGuid():N}";
        await using (var create = new NpgsqlCommand($"CREATE TEMP TABLE {staging} (LIKE {table.Name} INCLUDING DEFAULTS) ON COMMIT DROP", connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await CopyAsync(connection, staging, table, entities, tenantId, cancellationToken);

        var assignments = string.Join(", ", table.Columns.Where(c => !c.IsKey).Select(c => $"{c.Quoted} = s.{c.Quoted}"));
        var match = string.Join(" AND ", table.Columns.Where(c => c.IsKey || c.IsTenant).Select(c => $"t.{c.Quoted} = s.{c.Quoted}"));
        await using var update = new NpgsqlCommand($"UPDATE {table.Name} AS t SET {assignments} FROM {staging} AS s WHERE {match}", connection);
        return await update.ExecuteNonQueryAsync(cancellationToken);
    }

    // Nothing to write costs nothing: no COPY, no staging table. Only a count known without enumerating counts;
    // a lazy sequence is written as it comes.
    private static bool IsKnownEmpty<TEntity>(IEnumerable<TEntity> entities) =>
        entities.TryGetNonEnumeratedCount(out var count) && count == 0;

    private static NpgsqlConnection Connection(DbContext db) =>
        db.Database.CurrentTransaction is null
            ? throw new InvalidOperationException("Bulk writes run inside a transaction; call BeginTransactionAsync first.")
            : (NpgsqlConnection)db.Database.GetDbConnection();

    private static Guid? TenantOf<TEntity>(DbContext db)
    {
        if (!typeof(ITenantOwned).IsAssignableFrom(typeof(TEntity)))
        {
            return null;
        }

        return (db as ITenantScopedDbContext)?.CurrentTenantId
            ?? throw new CrossTenantWriteException($"Cannot write {typeof(TEntity).Name} outside a tenant.");
    }

    private static async Task<ulong> CopyAsync<TEntity>(
        NpgsqlConnection connection, string target, Table table, IEnumerable<TEntity> entities, Guid? tenantId, CancellationToken cancellationToken)
        where TEntity : class
    {
        await using var writer = await connection.BeginBinaryImportAsync($"COPY {target} ({table.ColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var entity in entities)
        {
            await WriteRowAsync(writer, table, entity, tenantId, cancellationToken);
        }

        return await writer.CompleteAsync(cancellationToken);
    }

    private static async Task WriteRowAsync<TEntity>(NpgsqlBinaryImporter writer, Table table, TEntity entity, Guid? tenantId, CancellationToken cancellationToken)
        where TEntity : class
    {
        if (tenantId is { } tenant && entity is ITenantOwned owned && owned.TenantId != Guid.Empty && owned.TenantId != tenant)
        {
            throw new CrossTenantWriteException($"Refusing to write {typeof(TEntity).Name} of another tenant while running in tenant {tenant}.");
        }

        await writer.StartRowAsync(cancellationToken);
        foreach (var column in table.Columns)
        {
            if (column.IsTenant && tenantId is { } current)
            {
                await writer.WriteAsync(current, column.DataType, cancellationToken);
            }
            else
            {
                await column.Write(writer, entity, cancellationToken);
            }
        }
    }

    /// <summary>Writes one column of an entity's row.</summary>
    private delegate Task ValueWriter(NpgsqlBinaryImporter writer, object entity, CancellationToken cancellationToken);

    private sealed record Column(string Quoted, string DataType, bool IsKey, bool IsTenant, ValueWriter Write);

    private sealed record Table(string Name, IReadOnlyList<Column> Columns)
    {
        public string ColumnList { get; } = string.Join(", ", Columns.Select(c => c.Quoted));

        public static Table Of<TEntity>(DbContext db)
        {
            var entityType = db.Model.FindEntityType(typeof(TEntity))
                ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not part of {db.GetType().Name}'s model.");
            var store = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
            var key = entityType.FindPrimaryKey()!.Properties;
            var columns = entityType.GetProperties()
                // Store-generated columns (identity sequences) are left to the database.
                .Where(p => p.ValueGenerated == ValueGenerated.Never)
                .Where(p => p.GetColumnName(store) is not null)
                .Select(p => ColumnOf(p, store, key.Contains(p)))
                .ToList();
            var name = entityType.GetSchema() is { } schema ? $"\"{schema}\".\"{store.Name}\"" : $"\"{store.Name}\"";
            return new Table(name, columns);
        }

        private static Column ColumnOf(IProperty property, StoreObjectIdentifier store, bool isKey)
        {
            // "character varying(64)" → "character varying": the COPY writer wants the type, not its modifiers.
            var dataType = property.GetColumnType(store)!.Split('(')[0].Trim();
            return new Column(
                $"\"{property.GetColumnName(store)}\"",
                dataType,
                isKey,
                property.Name == nameof(ITenantOwned.TenantId) && property.DeclaringType.ClrType.IsAssignableTo(typeof(ITenantOwned)),
                WriterOf(property, dataType));
        }

        /// <summary>
        /// Reads the property's provider value with a compiled accessor and writes it with its own type: boxing
        /// each value and having Npgsql look its type up again per value cost more than the COPY of it.
        /// </summary>
        private static ValueWriter WriterOf(IProperty property, string dataType)
        {
            var entity = Expression.Parameter(typeof(object), "entity");
            Expression value = property.IsShadowProperty()
                ? Expression.Convert(Expression.Call(Expression.Constant(property.GetGetter()), GetClrValue, entity), property.ClrType)
                : Expression.MakeMemberAccess(Expression.Convert(entity, property.DeclaringType.ClrType), property.GetMemberInfo(forMaterialization: false, forSet: false));
            if (value.Type != property.ClrType)
            {
                value = Expression.Convert(value, property.ClrType);
            }

            if (property.GetTypeMapping().Converter is { } converter)
            {
                // EF Core never hands a null to a converter; neither does the COPY.
                var provider = converter.ProviderClrType;
                var nullableProvider = provider.IsValueType && Nullable.GetUnderlyingType(provider) is null ? typeof(Nullable<>).MakeGenericType(provider) : provider;
                var converted = Expression.Invoke(converter.ConvertToProviderExpression, Nullable.GetUnderlyingType(value.Type) is null ? value : Expression.Property(value, "Value"));
                value = value.Type.IsValueType && Nullable.GetUnderlyingType(value.Type) is null
                    ? converted
                    : Expression.Condition(Expression.Equal(value, Expression.Constant(null, value.Type)), Expression.Constant(null, nullableProvider), Expression.Convert(converted, nullableProvider));
            }

            var type = value.Type;
            var (factory, valueType) = Nullable.GetUnderlyingType(type) is { } underlying ? (nameof(NullableWriter), underlying)
                : type.IsValueType ? (nameof(StructWriter), type)
                : (nameof(ClassWriter), type);
            var read = Expression.Lambda(typeof(Func<,>).MakeGenericType(typeof(object), type), value, entity).Compile();
            return (ValueWriter)typeof(Table).GetMethod(factory, BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(valueType).Invoke(null, [read, dataType])!;
        }

        private static readonly MethodInfo GetClrValue = typeof(IClrPropertyGetter).GetMethod(nameof(IClrPropertyGetter.GetClrValue), [typeof(object)])!;

        private static ValueWriter ClassWriter<T>(Func<object, T?> read, string dataType)
            where T : class =>
            (writer, entity, cancellationToken) => read(entity) is { } value ? writer.WriteAsync(value, dataType, cancellationToken) : writer.WriteNullAsync(cancellationToken);

        private static ValueWriter StructWriter<T>(Func<object, T> read, string dataType)
            where T : struct =>
            (writer, entity, cancellationToken) => writer.WriteAsync(read(entity), dataType, cancellationToken);

        private static ValueWriter NullableWriter<T>(Func<object, T?> read, string dataType)
            where T : struct =>
            (writer, entity, cancellationToken) => read(entity) is { } value ? writer.WriteAsync(value, dataType, cancellationToken) : writer.WriteNullAsync(cancellationToken);
    }
}
