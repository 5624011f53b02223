import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.DoubleSerializer;
import org.apache.kafka.common.serialization.IntegerSerializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.UUIDSerializer;

/**
 * Writes values with Kafka's own serializers (the test of Sluice's primitive decoders).
 * Args: bootstrap topic type values... ; type = int | long | double | uuid | string:<charset>.
 * Keys are the values' positions (StringSerializer, UTF-8). Prints "sent N" when done.
 */
public class SluiceSerdeProducer {
  public static void main(String[] args) throws Exception {
    String bootstrap = args[0], topic = args[1], type = args[2];
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    Serializer<?> serializer;
    if (type.equals("int")) serializer = new IntegerSerializer();
    else if (type.equals("long")) serializer = new LongSerializer();
    else if (type.equals("double")) serializer = new DoubleSerializer();
    else if (type.equals("uuid")) serializer = new UUIDSerializer();
    else if (type.startsWith("string:")) {
      p.put("value.serializer.encoding", type.substring("string:".length()));
      serializer = new StringSerializer();
    } else throw new IllegalArgumentException("unknown type " + type);
    @SuppressWarnings("unchecked")
    Serializer<Object> values = (Serializer<Object>) serializer;
    int n = 0;
    try (KafkaProducer<String, Object> producer = new KafkaProducer<>(p, new StringSerializer(), values)) {
      values.configure(java.util.Map.of("value.serializer.encoding", type.startsWith("string:") ? type.substring(7) : "UTF8"), false);
      for (int i = 3; i < args.length; i++) {
        String a = args[i];
        Object v = type.equals("int") ? Integer.valueOf(a) : type.equals("long") ? Long.valueOf(a) : type.equals("double") ? Double.valueOf(a) : type.equals("uuid") ? UUID.fromString(a) : a;
        producer.send(new ProducerRecord<>(topic, String.valueOf(n++), v)).get();
      }
    }
    System.out.println("sent " + n);
  }
}
