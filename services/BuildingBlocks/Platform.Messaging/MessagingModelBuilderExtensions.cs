using Microsoft.EntityFrameworkCore;
using Platform.Messaging.Inbox;
using Platform.Messaging.Outbox;

namespace Platform.Messaging;

/// <summary>Adds the outbox and inbox tables to a service's model.</summary>
public static class MessagingModelBuilderExtensions
{
    /// <summary>Maps <c>outbox_messages</c> and <c>inbox_messages</c>. Call from <c>OnModelCreating</c>.</summary>
    public static ModelBuilder ApplyMessagingModel(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("outbox_messages");
            outbox.HasKey(m => m.Sequence);
            outbox.Property(m => m.Sequence).UseIdentityAlwaysColumn();
            outbox.HasIndex(m => m.EventId).IsUnique();
            outbox.Property(m => m.EventType).HasMaxLength(500).IsRequired();
            outbox.Property(m => m.Payload).HasColumnType("jsonb").IsRequired();

            // The relay's only query: the oldest unpublished rows. A partial index keeps it small and fast.
            outbox.HasIndex(m => m.Sequence)
                .HasDatabaseName("ix_outbox_messages_pending")
                .HasFilter("\"PublishedAt\" IS NULL AND \"FailedAt\" IS NULL");
        });
        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable("inbox_messages");
            inbox.HasKey(m => new { m.EventId, m.Consumer });
            inbox.Property(m => m.Consumer).HasMaxLength(300);
            inbox.Property(m => m.MessageType).HasMaxLength(500);
        });
        return modelBuilder;
    }
}
