using Microsoft.EntityFrameworkCore;
using Platform.MultiTenancy.EntityFramework;

namespace Platform.MultiTenancy.Tests;

public sealed class TenantIsolationTests(TenantDatabaseFixture database) : IClassFixture<TenantDatabaseFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Insert_InTenant_StampsTenantId()
    {
        var tenant = TestTenants.Create("stamp", "测试区");
        await using (var db = NotesDbContext.Create(database.ConnectionString, tenant))
        {
            db.Notes.Add(new Note { Code = "N-1" });
            await db.SaveChangesAsync(Cancel);
        }

        await using var raw = NotesDbContext.Create(database.ConnectionString, tenant: null);
        var stored = await raw.Notes.IgnoreQueryFilters().SingleAsync(n => n.Code == "N-1", Cancel);
        Assert.Equal(tenant.Id, stored.TenantId);
    }

    [Fact]
    public async Task Query_InTenant_HidesOtherTenantsRows()
    {
        var (a, b) = (TestTenants.Create("qa", "甲区"), TestTenants.Create("qb", "乙区"));
        await AddNoteAsync(a, "Q-A");
        await AddNoteAsync(b, "Q-B");

        await using var db = NotesDbContext.Create(database.ConnectionString, a);
        var visible = await db.Notes.Where(n => n.Code.StartsWith("Q-")).Select(n => n.Code).ToListAsync(Cancel);

        Assert.Equal(["Q-A"], visible);
    }

    [Fact]
    public async Task Query_SameModelDifferentTenants_EachContextSeesItsOwnTenant()
    {
        // The model (and its filter) is built once and shared: each context must still use its own tenant.
        var (a, b) = (TestTenants.Create("ma", "甲区"), TestTenants.Create("mb", "乙区"));
        await AddNoteAsync(a, "M-A");
        await AddNoteAsync(b, "M-B");

        await using var first = NotesDbContext.Create(database.ConnectionString, a);
        await using var second = NotesDbContext.Create(database.ConnectionString, b);

        Assert.Equal("M-A", (await first.Notes.SingleAsync(n => n.Code.StartsWith("M-"), Cancel)).Code);
        Assert.Equal("M-B", (await second.Notes.SingleAsync(n => n.Code.StartsWith("M-"), Cancel)).Code);
    }

    [Fact]
    public async Task Query_WithoutTenant_ReturnsNothing()
    {
        await AddNoteAsync(TestTenants.Create("nt", "丙区"), "NT-1");

        await using var db = NotesDbContext.Create(database.ConnectionString, tenant: null);

        Assert.False(await db.Notes.AnyAsync(n => n.Code == "NT-1", Cancel));
    }

    [Fact]
    public async Task Update_RowOfAnotherTenant_Throws()
    {
        var (owner, intruder) = (TestTenants.Create("ua", "甲区"), TestTenants.Create("ub", "乙区"));
        var note = await AddNoteAsync(owner, "U-1");

        await using var db = NotesDbContext.Create(database.ConnectionString, intruder);
        var loaded = await db.Notes.IgnoreQueryFilters().SingleAsync(n => n.Id == note.Id, Cancel);
        loaded.Text = "overwritten";

        await Assert.ThrowsAsync<CrossTenantWriteException>(() => db.SaveChangesAsync(Cancel));
        await using var check = NotesDbContext.Create(database.ConnectionString, owner);
        Assert.Equal("", (await check.Notes.SingleAsync(n => n.Id == note.Id, Cancel)).Text);
    }

    [Fact]
    public async Task Delete_RowOfAnotherTenant_Throws()
    {
        var (owner, intruder) = (TestTenants.Create("da", "甲区"), TestTenants.Create("db", "乙区"));
        var note = await AddNoteAsync(owner, "D-1");

        await using var db = NotesDbContext.Create(database.ConnectionString, intruder);
        db.Notes.Remove(await db.Notes.IgnoreQueryFilters().SingleAsync(n => n.Id == note.Id, Cancel));

        await Assert.ThrowsAsync<CrossTenantWriteException>(() => db.SaveChangesAsync(Cancel));
    }

    [Fact]
    public async Task Insert_ExplicitlyForAnotherTenant_Throws()
    {
        var (current, other) = (TestTenants.Create("ia", "甲区"), TestTenants.Create("ib", "乙区"));
        await using var db = NotesDbContext.Create(database.ConnectionString, current);
        var note = new Note { Code = "I-1" };
        db.Notes.Add(note);
        db.Entry(note).Property(n => n.TenantId).CurrentValue = other.Id;

        await Assert.ThrowsAsync<CrossTenantWriteException>(() => db.SaveChangesAsync(Cancel));
    }

    [Fact]
    public async Task Insert_WithoutTenant_Throws()
    {
        await using var db = NotesDbContext.Create(database.ConnectionString, tenant: null);
        db.Notes.Add(new Note { Code = "X-1" });

        await Assert.ThrowsAsync<CrossTenantWriteException>(() => db.SaveChangesAsync(Cancel));
    }

    [Fact]
    public async Task UniqueIndex_SameCodeInTwoTenants_IsAllowed()
    {
        await AddNoteAsync(TestTenants.Create("sa", "甲区"), "SHARED-1");

        var second = await AddNoteAsync(TestTenants.Create("sb", "乙区"), "SHARED-1");

        Assert.NotEqual(Guid.Empty, second.TenantId);
    }

    [Fact]
    public async Task UniqueIndex_SameCodeTwiceInOneTenant_IsRejected()
    {
        var tenant = TestTenants.Create("dup", "甲区");
        await AddNoteAsync(tenant, "DUP-1");

        await Assert.ThrowsAsync<DbUpdateException>(() => AddNoteAsync(tenant, "DUP-1"));
    }

    [Fact]
    public void Model_UniqueIndexOfTenantOwnedEntity_StartsWithTenantId()
    {
        using var db = NotesDbContext.Create(database.ConnectionString, tenant: null);

        var unique = Assert.Single(db.Model.FindEntityType(typeof(Note))!.GetIndexes(), i => i.IsUnique);

        Assert.Equal(["TenantId", "Code"], unique.Properties.Select(p => p.Name));
    }

    private async Task<Note> AddNoteAsync(TenantInfo tenant, string code)
    {
        await using var db = NotesDbContext.Create(database.ConnectionString, tenant);
        var note = new Note { Code = code };
        db.Notes.Add(note);
        await db.SaveChangesAsync(Cancel);
        return note;
    }
}
