-- The messages not yet sent are counted at every metrics scrape (mail.MessageMetrics): an index
-- keeps that count from reading every message ever sent.
create index ix_message_unsent on message (sent_at);
