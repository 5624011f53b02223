import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.protocol.Errors;

/**
 * A real Kafka client authenticated with SASL/SCRAM-SHA-512, for Sluice's access-control tests.
 * Usage: SluiceScramClient <bootstrap> <username> <password> <metadata|produce|consume|consume-group> [<topic>
 * [<value>|<group>]]
 * Prints one line and exits 0: "ok" (metadata), "ok" (produce), "ok <value>..." (consume: every value from the
 * beginning, read without a group; consume-group: the same, then the position committed as the group, which
 * needs READ on the group), or "error <KAFKA_ERROR_NAME> <message>" when the broker refused.
 */
public final class SluiceScramClient {
  public static void main(String[] args) throws Exception {
    Properties p = new Properties();
    p.put("bootstrap.servers", args[0]);
    p.put("security.protocol", "SASL_PLAINTEXT");
    p.put("sasl.mechanism", "SCRAM-SHA-512");
    p.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + args[1] + "\" password=\"" + args[2] + "\";");
    p.put("client.id", "sluice-scram-test");
    p.put("request.timeout.ms", "8000");
    p.put("default.api.timeout.ms", "10000");
    try {
      switch (args[3]) {
        case "metadata" -> {
          try (Admin admin = Admin.create(p)) {
            admin.describeCluster().nodes().get(10, TimeUnit.SECONDS);
          }
          System.out.println("ok");
        }
        case "produce" -> {
          p.put("key.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
          p.put("value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
          p.put("max.block.ms", "10000");
          p.put("delivery.timeout.ms", "10000");
          p.put("enable.idempotence", "false");
          try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(args[4], args[5].getBytes(StandardCharsets.UTF_8))).get(15, TimeUnit.SECONDS);
          }
          System.out.println("ok");
        }
        case "consume", "consume-group" -> {
          boolean group = args[3].equals("consume-group");
          if (group) {
            p.put("group.id", args[5]);
            p.put("enable.auto.commit", "false");
          }
          p.put("key.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
          p.put("value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
          StringBuilder out = new StringBuilder("ok");
          try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
            TopicPartition tp = new TopicPartition(args[4], 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            long deadline = System.currentTimeMillis() + 10_000;
            while (consumer.position(tp) < end && System.currentTimeMillis() < deadline) {
              for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) out.append(' ').append(new String(r.value(), StandardCharsets.UTF_8));
            }
            if (group) consumer.commitSync(Duration.ofSeconds(10));
          }
          System.out.println(out);
        }
        default -> throw new IllegalArgumentException("unknown action " + args[3]);
      }
    } catch (Exception e) {
      Throwable t = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      String name = t instanceof ApiException api ? Errors.forException(api).name() : t.getClass().getSimpleName();
      System.out.println("error " + name + " " + String.valueOf(t.getMessage()).replace('\n', ' '));
    }
    System.exit(0);
  }
}
