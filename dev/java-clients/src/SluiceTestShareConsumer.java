import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.common.config.ConfigResource;

/**
 * A real Kafka share consumer (KIP-932, KafkaShareConsumer) for Sluice's integration tests.
 * Usage: SluiceTestShareConsumer <bootstrap> <group> <topic>[,<topic>...]
 * Sets the group's share.auto.offset.reset to earliest (a group config) so it reads what is already on the topic,
 * then polls, acknowledging every record it receives (commitSync). Prints "ready" after its first poll,
 * "consumed N" after each poll that read records, and exits on stdin EOF or "stop" (leaving the group).
 */
public final class SluiceTestShareConsumer {
  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: SluiceTestShareConsumer <bootstrap> <group> <topics>");
      System.exit(2);
    }
    Properties a = new Properties();
    a.put("bootstrap.servers", args[0]);
    try (Admin admin = Admin.create(a)) {
      ConfigResource group = new ConfigResource(ConfigResource.Type.GROUP, args[1]);
      AlterConfigOp earliest = new AlterConfigOp(new ConfigEntry("share.auto.offset.reset", "earliest"), AlterConfigOp.OpType.SET);
      admin.incrementalAlterConfigs(Map.of(group, List.of(earliest))).all().get();
    }
    Properties p = new Properties();
    p.put("bootstrap.servers", args[0]);
    p.put("group.id", args[1]);
    p.put("client.id", "sluice-java-share");
    p.put("key.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
    p.put("value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
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
    try (KafkaShareConsumer<byte[], byte[]> consumer = new KafkaShareConsumer<>(p)) {
      consumer.subscribe(List.of(args[2].split(",")));
      boolean ready = false;
      while (true) {
        synchronized (stop) { if (stop[0]) break; }
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
        if (!ready) {
          ready = true;
          System.out.println("ready 0");
        }
        if (!records.isEmpty()) {
          // commitSync acknowledges the delivered records (implicit acknowledgement); report any partition it failed for
          consumer.commitSync().forEach((tp, error) -> error.ifPresent(e -> System.out.println("ack-error " + tp + " " + e)));
          System.out.println("consumed " + records.count());
        }
        System.out.flush();
      }
    }
    System.out.println("stopped");
  }
}
