import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.FeatureUpdate;
import org.apache.kafka.clients.admin.UpdateFeaturesOptions;

/**
 * Sets a finalized cluster feature level with the Java Admin client (UpdateFeatures), for tests of a cluster
 * with a feature switched off. Usage: SluiceSetFeature <bootstrap> <feature> <level> (level 0 = safe downgrade).
 * Prints the finalized level afterwards ("null" when 0).
 */
public final class SluiceSetFeature {
  public static void main(String[] args) throws Exception {
    Properties p = new Properties();
    p.put("bootstrap.servers", args[0]);
    try (Admin admin = Admin.create(p)) {
      short level = Short.parseShort(args[2]);
      FeatureUpdate update = new FeatureUpdate(level, level == 0 ? FeatureUpdate.UpgradeType.SAFE_DOWNGRADE : FeatureUpdate.UpgradeType.UPGRADE);
      admin.updateFeatures(Map.of(args[1], update), new UpdateFeaturesOptions()).all().get();
      System.out.println(admin.describeFeatures().featureMetadata().get().finalizedFeatures().get(args[1]));
    }
  }
}
