package org.sesreturns.store;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A repository's reads, made once per transaction: the same row asked for again in the same
 * transaction is answered from what was read, until the repository writes. A submission asked for
 * its return up to four times, its cycle three times and the time of its latest submission three
 * times, from the submission's checks, the SES lead's new task and its timers
 * (StatementCountBenchmarkTest); each is now read once. What a transaction read stays as it read
 * it, as a row it holds would: a change another transaction commits meanwhile is seen by the next
 * transaction, which is when it would be acted on anyway. Outside a transaction every read goes to
 * the database.
 *
 * <p>What was read is kept by the transaction's connection (Spring's holder of it, made anew for
 * each transaction, a transaction of its own inside another included), weakly: it is let go with
 * the transaction however the transaction ends, and a later transaction on the same thread never
 * sees it. Each repository holds one and calls {@link #forget()} on every write of its tables; the
 * values read must not be changed by their callers (they are records).
 */
public final class TransactionReads {

  private final DataSource dataSource;
  private final Map<Object, Map<List<?>, Object>> byTransaction = Collections.synchronizedMap(new WeakHashMap<>());

  public TransactionReads(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The value read for {@code key} in this transaction, read now if it was not (a null included). */
  @SuppressWarnings("unchecked")
  public <T> T once(List<?> key, Supplier<T> read) {
    Map<List<?>, Object> reads = reads(true);
    if (reads == null) {
      return read.get();
    }
    // not computeIfAbsent: a read may go through this again (another key) while it runs
    if (reads.containsKey(key)) {
      return (T) reads.get(key);
    }
    T value = read.get();
    reads.put(key, value);
    return value;
  }

  /** {@link #once} for an optional row: one found absent is remembered as absent. */
  public <T> Optional<T> onceOptional(List<?> key, Supplier<Optional<T>> read) {
    return once(key, read);
  }

  /** Forgets what this transaction read through this: after every write of the repository's tables. */
  public void forget() {
    Map<List<?>, Object> reads = reads(false);
    if (reads != null) {
      reads.clear();
    }
  }

  private Map<List<?>, Object> reads(boolean create) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      return null;
    }
    Object connection = TransactionSynchronizationManager.getResource(dataSource);
    if (connection == null) {
      return null;
    }
    return create ? byTransaction.computeIfAbsent(connection, c -> new HashMap<>()) : byTransaction.get(connection);
  }
}
