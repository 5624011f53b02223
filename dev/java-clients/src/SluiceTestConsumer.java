import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * A real Kafka consumer for Sluice's integration tests.
 * Usage: SluiceTestConsumer <bootstrap> <group> <protocol: classic|consumer> <topic>[,<topic>...] [<max records per poll>]
 *        [<records to consume, then pause and stay a member>]
 * Prints "ready" once it has an assignment, "consumed N" after each poll that read records, and exits on stdin EOF
 * or "stop" (leaving the group cleanly).
 */
public final class SluiceTestConsumer {
  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println("usage: SluiceTestConsumer <bootstrap> <group> <classic|consumer> <topics> [maxPollRecords]");
      System.exit(2);
    }
    Properties p = new Properties();
    p.put("bootstrap.servers", args[0]);
    p.put("group.id", args[1]);
    p.put("group.protocol", args[2]);
    p.put("client.id", "sluice-java-" + args[2]);
    p.put("key.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
    p.put("value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
    p.put("auto.offset.reset", "earliest");
    p.put("enable.auto.commit", "false");
    if (args.length > 4) p.put("max.poll.records", args[4]);
    final boolean[] stop = { false };
    Thread watcher = new Thread(() -> {
      try {
        java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in));
        String line;
        while ((line = in.readLine()) != null && !line.trim().equals("stop")) { }
      } catch (java.io.IOException ignored) { }
      synchronized (stop) { stop[0] = true; }
    });
    watcher.setDaemon(true);
    watcher.start();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
      consumer.subscribe(List.of(args[3].split(",")));
      long limit = args.length > 5 ? Long.parseLong(args[5]) : Long.MAX_VALUE;
      long total = 0;
      boolean ready = false;
      while (true) {
        synchronized (stop) { if (stop[0]) break; }
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
        if (!ready && !consumer.assignment().isEmpty()) {
          ready = true;
          System.out.println("ready " + consumer.assignment().size());
        }
        if (!records.isEmpty()) {
          consumer.commitSync();
          total += records.count();
          System.out.println("consumed " + records.count());
        }
        if (total >= limit && !consumer.assignment().isEmpty() && consumer.paused().size() < consumer.assignment().size()) {
          consumer.pause(consumer.assignment());
          System.out.println("paused " + total);
        }
        System.out.flush();
      }
    }
    System.out.println("stopped");
  }
}
