package com.soundhub.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The Elastic Beanstalk environment ({@code .ebextensions/}, {@code deploy/elasticbeanstalk/}) and
 * the monitoring ({@code deploy/monitoring/}) as files: that they parse, say what the deployment
 * needs, agree with each other and with the container (ports, metric names, runbooks), and that the
 * bundle script makes a bundle Elastic Beanstalk accepts. promtool and amtool check the monitoring
 * files when installed; without them those checks are skipped, unless
 * {@code -Dsoundhub.deploy-checks=required} (CI) says they must run.
 */
class DeploymentFilesTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path EBEXTENSIONS = ROOT.resolve(".ebextensions");
    private static final Path BEANSTALK = ROOT.resolve("deploy/elasticbeanstalk");
    private static final Path MONITORING = ROOT.resolve("deploy/monitoring");

    private static final String ENVIRONMENT = "aws:elasticbeanstalk:application:environment";
    private static final String PROCESS = "aws:elasticbeanstalk:environment:process:default";

    /** Every option the configuration may set, by namespace, as the Elastic Beanstalk reference names them. */
    private static final Map<String, Set<String>> KNOWN_OPTIONS = Map.ofEntries(
            Map.entry("aws:autoscaling:asg", Set.of("Availability Zones", "Cooldown", "Custom Availability Zones",
                    "EnableCapacityRebalancing", "MinSize", "MaxSize")),
            Map.entry("aws:autoscaling:launchconfiguration", Set.of("DisableIMDSv1", "EC2KeyName", "IamInstanceProfile",
                    "ImageId", "InstanceType", "MonitoringInterval", "SecurityGroups", "SSHSourceRestriction",
                    "BlockDeviceMappings", "RootVolumeType", "RootVolumeSize", "RootVolumeIOPS", "RootVolumeThroughput")),
            Map.entry("aws:autoscaling:trigger", Set.of("BreachDuration", "LowerBreachScaleIncrement", "LowerThreshold",
                    "MeasureName", "Period", "EvaluationPeriods", "Statistic", "Unit", "UpperBreachScaleIncrement",
                    "UpperThreshold")),
            Map.entry("aws:autoscaling:updatepolicy:rollingupdate", Set.of("MaxBatchSize", "MinInstancesInService",
                    "RollingUpdateEnabled", "RollingUpdateType", "PauseTime", "Timeout")),
            Map.entry("aws:ec2:instances", Set.of("EnableSpot", "InstanceTypes", "SpotFleetOnDemandBase",
                    "SpotFleetOnDemandAboveBasePercentage", "SpotMaxPrice", "SupportedArchitectures")),
            Map.entry("aws:elasticbeanstalk:cloudwatch:logs", Set.of("StreamLogs", "DeleteOnTerminate", "RetentionInDays")),
            Map.entry("aws:elasticbeanstalk:cloudwatch:logs:health", Set.of("HealthStreamingEnabled", "DeleteOnTerminate",
                    "RetentionInDays")),
            Map.entry("aws:elasticbeanstalk:command", Set.of("DeploymentPolicy", "Timeout", "BatchSizeType", "BatchSize",
                    "IgnoreHealthCheck")),
            Map.entry("aws:elasticbeanstalk:environment", Set.of("EnvironmentType", "ServiceRole", "LoadBalancerType",
                    "LoadBalancerIsShared")),
            Map.entry(PROCESS, Set.of("DeregistrationDelay", "HealthCheckInterval", "HealthCheckPath",
                    "HealthCheckTimeout", "HealthyThresholdCount", "MatcherHTTPCode", "Port", "Protocol",
                    "StickinessEnabled", "StickinessLBCookieDuration", "StickinessType", "UnhealthyThresholdCount")),
            Map.entry("aws:elasticbeanstalk:healthreporting:system", Set.of("SystemType", "ConfigDocument",
                    "HealthCheckSuccessThreshold", "EnhancedHealthAuthEnabled")),
            Map.entry("aws:elbv2:listener:default", Set.of("DefaultProcess", "ListenerEnabled", "Protocol", "Rules",
                    "SSLCertificateArns", "SSLPolicy")),
            Map.entry("aws:elbv2:listener:443", Set.of("DefaultProcess", "ListenerEnabled", "Protocol", "Rules",
                    "SSLCertificateArns", "SSLPolicy")),
            Map.entry("aws:elbv2:loadbalancer", Set.of("AccessLogsS3Bucket", "AccessLogsS3Enabled", "AccessLogsS3Prefix",
                    "IdleTimeout", "ManagedSecurityGroup", "SecurityGroups")));

    /** The series SoundHub (MicroProfile Metrics via Payara) and Prometheus itself expose, as named in Prometheus. */
    private static final Set<String> KNOWN_METRICS = Set.of(
            "up",
            "http_server_requests_seconds_bucket", "http_server_requests_seconds_count", "http_server_requests_seconds_sum",
            "soundhub_jobs_due", "soundhub_jobs_running", "soundhub_jobs_oldest_due_seconds", "soundhub_jobs_failing",
            "soundhub_uploads_dead", "soundhub_uploads_stuck", "soundhub_disk_free_bytes", "soundhub_disk_size_bytes",
            "memory_usedHeap_bytes", "memory_maxHeap_bytes", "gc_time_seconds_total", "thread_count");

    private static final Set<String> PROMQL_WORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
            "group_left", "group_right", "offset", "bool", "inf", "nan", "atan2");

    private static final Set<String> ALLOWED_S3_ACTIONS = Set.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject",
            "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts", "s3:ListBucket");

    // ---------------------------------------------------------------- .ebextensions

    @Test
    void everyConfigurationFileIsYamlWithOptionSettings() throws IOException {
        List<Path> files = configFiles();
        assertThat(files).extracting(file -> file.getFileName().toString()).contains(
                "01-environment.config", "02-health.config", "03-scaling.config", "04-deployment.config",
                "05-load-balancer.config", "06-logs.config");
        for (Path file : files) {
            Map<String, Object> config = yamlMap(file);
            assertThat(config).as(file + ": top-level keys").containsKey("option_settings");
            assertThat(config.keySet()).as(file + ": on Amazon Linux 2023 only options and resources belong here")
                    .isSubsetOf("option_settings", "Resources");
            assertThat(optionsOf(file)).as(file + ": option_settings").isNotEmpty();
        }
    }

    @Test
    void everyOptionIsOneElasticBeanstalkKnows() throws IOException {
        Map<String, Map<String, String>> options = options();
        for (Map.Entry<String, Map<String, String>> namespace : options.entrySet()) {
            if (namespace.getKey().equals(ENVIRONMENT)) {
                continue;
            }
            assertThat(KNOWN_OPTIONS).as("namespace").containsKey(namespace.getKey());
            assertThat(namespace.getValue().keySet()).as("options of " + namespace.getKey())
                    .isSubsetOf(KNOWN_OPTIONS.get(namespace.getKey()));
            namespace.getValue().forEach((option, value) ->
                    assertThat(value).as(namespace.getKey() + " " + option).isNotBlank());
        }
    }

    @Test
    void environmentPropertiesAreTheApplicationsSettingsWithoutSecrets() throws IOException {
        Map<String, String> environment = options().get(ENVIRONMENT);
        assertThat(environment).containsKeys("SOUNDHUB_S3_BUCKET", "SOUNDHUB_S3_REGION", "SOUNDHUB_TRUST_PROXY",
                "SOUNDHUB_LOG_LEVEL", "SOUNDHUB_JAVA_OPTS", "SOUNDHUB_APP_INSTANCES", "SOUNDHUB_MAX_BODY");
        // A bucket name, once the placeholder's capitals (which S3 refuses, so it cannot be forgotten) are replaced.
        assertThat(environment.get("SOUNDHUB_S3_BUCKET").replace("REPLACE-ME", "replace-me"))
                .matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
        assertThat(environment.get("SOUNDHUB_S3_REGION")).matches("[a-z]{2}(-[a-z]+)+-\\d");
        assertThat(environment.get("SOUNDHUB_TRUST_PROXY")).isEqualTo("true");
        assertThat(environment.get("SOUNDHUB_LOG_LEVEL")).isIn("ERROR", "WARN", "INFO", "DEBUG");
        assertThat(environment.get("SOUNDHUB_JAVA_OPTS")).contains("-XX:MaxRAMPercentage=").contains("-XX:+ExitOnOutOfMemoryError");
        assertThat(environment.get("SOUNDHUB_APP_INSTANCES")).matches("[1-9]");
        assertThat(environment.get("SOUNDHUB_MAX_BODY")).matches("\\d+[km]");
        assertThat(environment.keySet()).as("no credentials in a file every bundle carries")
                .noneMatch(key -> key.matches(".*(PASSWORD|SECRET|ACCESS_KEY).*"));
    }

    @Test
    void theLoadBalancerSendsTrafficAndHealthChecksToTheContainersNginx() throws IOException {
        Map<String, Map<String, String>> options = options();
        Map<String, String> process = options.get(PROCESS);
        int port = Integer.parseInt(process.get("Port"));
        assertThat(port).as("the host port Dockerrun.aws.json publishes").isEqualTo(dockerrunPort("HostPort"));
        assertThat(process.get("Protocol")).isEqualTo("HTTP");
        assertThat(process.get("HealthCheckPath")).isEqualTo("/health/ready");
        assertThat(process.get("MatcherHTTPCode")).isEqualTo("200");
        assertThat(Integer.parseInt(process.get("HealthyThresholdCount"))).isBetween(2, 10);
        assertThat(Integer.parseInt(process.get("UnhealthyThresholdCount"))).isBetween(2, 10);
        assertThat(Integer.parseInt(process.get("DeregistrationDelay"))).isBetween(0, 3600);
        assertThat(options.get("aws:elasticbeanstalk:environment")).containsEntry("LoadBalancerType", "application");
        assertThat(options.get("aws:elasticbeanstalk:healthreporting:system")).containsEntry("SystemType", "enhanced");

        // The instances' security group must let the load balancer in on that port.
        List<Map<String, Object>> ingress = resources().values().stream()
                .filter(resource -> "AWS::EC2::SecurityGroupIngress".equals(resource.get("Type")))
                .map(resource -> map(resource.get("Properties")))
                .filter(properties -> String.valueOf(properties.get("FromPort")).equals(String.valueOf(port)))
                .toList();
        assertThat(ingress).as("an ingress rule for port " + port).hasSize(1);
        assertThat(String.valueOf(ingress.get(0).get("SourceSecurityGroupId"))).contains("AWSEBLoadBalancerSecurityGroup");
        assertThat(String.valueOf(ingress.get(0).get("GroupId"))).contains("AWSEBSecurityGroup");
    }

    @Test
    void atLeastTwoInstancesScaleOnCpu() throws IOException {
        Map<String, Map<String, String>> options = options();
        Map<String, String> asg = options.get("aws:autoscaling:asg");
        int min = Integer.parseInt(asg.get("MinSize"));
        int max = Integer.parseInt(asg.get("MaxSize"));
        assertThat(min).as("MinSize").isGreaterThanOrEqualTo(2);
        assertThat(max).as("MaxSize").isGreaterThanOrEqualTo(min);
        Map<String, String> trigger = options.get("aws:autoscaling:trigger");
        assertThat(trigger).containsEntry("MeasureName", "CPUUtilization").containsEntry("Unit", "Percent");
        int upper = Integer.parseInt(trigger.get("UpperThreshold"));
        int lower = Integer.parseInt(trigger.get("LowerThreshold"));
        assertThat(lower).isBetween(1, 99).isLessThan(upper);
        assertThat(upper).isBetween(lower + 1, 100);
        assertThat(options.get("aws:autoscaling:launchconfiguration"))
                .containsEntry("IamInstanceProfile", "soundhub-instance-profile");

        // The image carries ffmpeg for the platform pom.xml names: x86-64, so no Graviton ("g") family.
        assertThat(Files.readString(ROOT.resolve("pom.xml"))).contains("<javacpp.platform>linux-x86_64</javacpp.platform>");
        String instanceType = Optional.ofNullable(options.getOrDefault("aws:ec2:instances", Map.of()).get("InstanceTypes"))
                .orElseGet(() -> options.get("aws:autoscaling:launchconfiguration").get("InstanceType"));
        Matcher family = Pattern.compile("([a-z]+)(\\d+)([a-z-]*)\\.[a-z0-9]+").matcher(instanceType.split(",")[0].trim());
        assertThat(family.matches()).as("instance type " + instanceType).isTrue();
        assertThat(family.group(3)).as("x86-64 instance family of " + instanceType).doesNotContain("g");
    }

    @Test
    void deploymentsKeepTheCapacity() throws IOException {
        Map<String, Map<String, String>> options = options();
        Map<String, String> command = options.get("aws:elasticbeanstalk:command");
        assertThat(command).containsEntry("DeploymentPolicy", "RollingWithAdditionalBatch")
                .containsEntry("BatchSizeType", "Fixed");
        int batch = Integer.parseInt(command.get("BatchSize"));
        int minSize = Integer.parseInt(options.get("aws:autoscaling:asg").get("MinSize"));
        assertThat(batch).as("BatchSize, below MinSize so that some instances always keep serving").isPositive().isLessThan(minSize);
        assertThat(Integer.parseInt(command.get("Timeout"))).isBetween(300, 3600);
        assertThat(command.getOrDefault("IgnoreHealthCheck", "false")).isEqualTo("false");
        assertThat(options.get("aws:autoscaling:updatepolicy:rollingupdate"))
                .containsEntry("RollingUpdateEnabled", "true")
                .containsEntry("RollingUpdateType", "Health");
    }

    @Test
    void httpsEndsAtTheLoadBalancerAndPlainHttpStillArrives() throws IOException {
        Map<String, Map<String, String>> options = options();
        Map<String, String> https = options.get("aws:elbv2:listener:443");
        assertThat(https).containsEntry("Protocol", "HTTPS");
        assertThat(https.get("SSLCertificateArns")).matches("arn:aws:acm:[^:]+:[^:]+:certificate/.+");
        assertThat(https.get("SSLPolicy")).matches("ELBSecurityPolicy-(TLS13-1-[23]|TLS-1-2|FS-1-2)-.+");
        Map<String, String> http = options.get("aws:elbv2:listener:default");
        assertThat(http.getOrDefault("ListenerEnabled", "true")).isEqualTo("true");
        assertThat(http.getOrDefault("Protocol", "HTTP")).isEqualTo("HTTP");

        // The load balancer must drop idle connections before nginx does, or it sends requests into
        // connections nginx is closing.
        Matcher keepalive = Pattern.compile("keepalive_timeout\\s+(\\d+)s?;")
                .matcher(Files.readString(ROOT.resolve("docker/nginx.conf")));
        assertThat(keepalive.find()).as("keepalive_timeout in docker/nginx.conf").isTrue();
        int idle = Integer.parseInt(options.get("aws:elbv2:loadbalancer").get("IdleTimeout"));
        assertThat(idle).isPositive().isLessThan(Integer.parseInt(keepalive.group(1)));
    }

    @Test
    void logsAreStreamedAndKept() throws IOException {
        Map<String, Map<String, String>> options = options();
        Set<String> retentions = Set.of("1", "3", "5", "7", "14", "30", "60", "90", "120", "150", "180", "365", "400",
                "545", "731", "1827", "3653");
        Map<String, String> logs = options.get("aws:elasticbeanstalk:cloudwatch:logs");
        assertThat(logs).containsEntry("StreamLogs", "true").containsEntry("DeleteOnTerminate", "false");
        assertThat(logs.get("RetentionInDays")).isIn(retentions);
        Map<String, String> health = options.get("aws:elasticbeanstalk:cloudwatch:logs:health");
        assertThat(health).containsEntry("HealthStreamingEnabled", "true");
        assertThat(health.getOrDefault("RetentionInDays", "7")).isIn(retentions);
    }

    // ---------------------------------------------------------------- deploy/elasticbeanstalk

    @Test
    void everyJsonFileUnderDeployParses() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(ROOT.resolve("deploy"))) {
            files = walk.filter(path -> path.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).extracting(file -> ROOT.relativize(file).toString().replace('\\', '/')).contains(
                "deploy/elasticbeanstalk/Dockerrun.aws.json", "deploy/elasticbeanstalk/instance-role-policy.json",
                "deploy/elasticbeanstalk/instance-role-trust.json", "deploy/elasticbeanstalk/bucket-cors.json",
                "deploy/elasticbeanstalk/bucket-lifecycle.json", "deploy/monitoring/grafana-dashboard.json");
        for (Path file : files) {
            assertThat(json(file)).as(file.toString()).isNotEmpty();
        }
    }

    @Test
    void dockerrunRunsTheImageOnTheContainersPort() throws IOException {
        JsonObject dockerrun = json(BEANSTALK.resolve("Dockerrun.aws.json"));
        assertThat(dockerrun.getString("AWSEBDockerrunVersion")).isEqualTo("1");
        assertThat(dockerrun.getJsonObject("Image").getString("Name")).isNotBlank().contains("/soundhub:");
        assertThat(dockerrunPort("ContainerPort")).isEqualTo(8080);
        // The port nginx listens on in the image.
        assertThat(Files.readString(ROOT.resolve("docker/Dockerfile"))).containsPattern("(?m)^EXPOSE 8080$")
                .contains("NGINX_PORT=8080");
    }

    @Test
    void theInstanceRoleMayOnlyUseTheOneBucket() throws IOException {
        JsonObject policy = json(BEANSTALK.resolve("instance-role-policy.json"));
        assertThat(policy.getString("Version")).isEqualTo("2012-10-17");
        String bucket = options().get(ENVIRONMENT).get("SOUNDHUB_S3_BUCKET");
        Set<String> granted = new TreeSet<>();
        for (JsonValue value : policy.getJsonArray("Statement")) {
            JsonObject statement = value.asJsonObject();
            assertThat(statement.getString("Effect")).isEqualTo("Allow");
            assertThat(statement).doesNotContainKeys("NotAction", "NotResource", "Principal");
            List<String> actions = strings(statement.get("Action"));
            List<String> resources = strings(statement.get("Resource"));
            assertThat(actions).isNotEmpty().noneMatch(action -> action.contains("*")).allMatch(ALLOWED_S3_ACTIONS::contains);
            assertThat(resources).isNotEmpty().noneMatch(resource -> resource.equals("*"));
            boolean listsTheBucket = actions.contains("s3:ListBucket");
            if (listsTheBucket) {
                assertThat(actions).as("ListBucket applies to the bucket, the rest to objects").containsOnly("s3:ListBucket");
                assertThat(resources).containsOnly("arn:aws:s3:::" + bucket);
            } else {
                assertThat(resources).containsOnly("arn:aws:s3:::" + bucket + "/*");
            }
            granted.addAll(actions);
        }
        assertThat(granted).as("what SoundHub does with its bucket")
                .contains("s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket");

        JsonObject trust = json(BEANSTALK.resolve("instance-role-trust.json"));
        JsonArray statements = trust.getJsonArray("Statement");
        assertThat(statements).hasSize(1);
        JsonObject statement = statements.getJsonObject(0);
        assertThat(strings(statement.getJsonObject("Principal").get("Service"))).containsExactly("ec2.amazonaws.com");
        assertThat(strings(statement.get("Action"))).containsExactly("sts:AssumeRole");
    }

    @Test
    void theBucketLetsTheSitesBrowsersUploadAndPlayAndKeepsNoTemporaryObjects() throws IOException {
        JsonArray rules = json(BEANSTALK.resolve("bucket-cors.json")).getJsonArray("CORSRules");
        assertThat(rules).isNotEmpty();
        for (JsonValue value : rules) {
            JsonObject rule = value.asJsonObject();
            assertThat(strings(rule.get("AllowedOrigins"))).isNotEmpty().allMatch(origin -> origin.startsWith("https://"));
            assertThat(strings(rule.get("AllowedMethods"))).contains("PUT", "GET").doesNotContain("DELETE", "POST");
            assertThat(strings(rule.get("AllowedHeaders"))).noneMatch(header -> header.equals("*"))
                    .anyMatch(header -> header.equalsIgnoreCase("content-type"));
            assertThat(strings(rule.get("ExposeHeaders"))).contains("ETag");
            assertThat(rule.getInt("MaxAgeSeconds")).isPositive();
        }

        JsonArray lifecycle = json(BEANSTALK.resolve("bucket-lifecycle.json")).getJsonArray("Rules");
        assertThat(lifecycle).anySatisfy(value -> {
            JsonObject rule = value.asJsonObject();
            assertThat(rule.getString("Status")).isEqualTo("Enabled");
            assertThat(rule.getJsonObject("AbortIncompleteMultipartUpload").getInt("DaysAfterInitiation")).isPositive();
        });
        // Only what presigned PUTs leave under incoming/ (copied elsewhere once confirmed) may expire.
        assertThat(lifecycle).as("members' files never expire").allSatisfy(value -> {
            JsonObject rule = value.asJsonObject();
            if (rule.containsKey("Expiration")) {
                assertThat(rule.getJsonObject("Filter").getString("Prefix", "")).isEqualTo("incoming/");
                assertThat(rule.getJsonObject("Expiration").getInt("Days")).isPositive();
            }
        });
        assertThat(lifecycle).anySatisfy(value -> assertThat(value.asJsonObject().containsKey("Expiration")).isTrue());
    }

    @Test
    void theBundleHoldsDockerrunAndTheConfigurationAtItsRoot() throws Exception {
        Path bundle = ROOT.resolve("target/test-bundle.zip");
        Files.deleteIfExists(bundle);
        Run run = run(List.of("bash", "deploy/elasticbeanstalk/build-bundle.sh", "example.com/soundhub:test",
                "target/test-bundle.zip"));
        assertThat(run.exitCode()).as(run.output()).isZero();

        Set<String> expected = new TreeSet<>();
        expected.add("Dockerrun.aws.json");
        for (Path config : configFiles()) {
            expected.add(".ebextensions/" + config.getFileName());
        }
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            Set<String> entries = new TreeSet<>();
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                // Some archivers list the folder itself; that is harmless. Nothing else may be there.
                if (entry.isDirectory()) {
                    assertThat(entry.getName()).isEqualTo(".ebextensions/");
                } else {
                    entries.add(entry.getName());
                }
            }
            assertThat(entries).isEqualTo(expected);
            JsonObject dockerrun;
            try (InputStream in = zip.getInputStream(zip.getEntry("Dockerrun.aws.json"));
                 JsonReader reader = Json.createReader(in)) {
                dockerrun = reader.readObject();
            }
            assertThat(dockerrun.getJsonObject("Image").getString("Name")).isEqualTo("example.com/soundhub:test");
            JsonObject template = json(BEANSTALK.resolve("Dockerrun.aws.json"));
            assertThat(dockerrun.getJsonArray("Ports")).isEqualTo(template.getJsonArray("Ports"));
            assertThat(dockerrun.getString("AWSEBDockerrunVersion")).isEqualTo("1");
            for (Path config : configFiles()) {
                byte[] packed = zip.getInputStream(zip.getEntry(".ebextensions/" + config.getFileName())).readAllBytes();
                assertThat(packed).as(config.toString()).isEqualTo(Files.readAllBytes(config));
            }
        }
    }

    @Test
    void theBundleScriptRefusesAnEmptyOrPlaceholderImage() throws Exception {
        Path bundle = ROOT.resolve("target/test-bundle-refused.zip");
        Files.deleteIfExists(bundle);
        for (String image : List.of("", "ACCOUNT.dkr.ecr.REGION.amazonaws.com/soundhub:VERSION", "soundhub\"test")) {
            Run run = run(List.of("bash", "deploy/elasticbeanstalk/build-bundle.sh", image, "target/test-bundle-refused.zip"));
            assertThat(run.exitCode()).as("image '" + image + "': " + run.output()).isNotZero();
            assertThat(bundle).doesNotExist();
        }
    }

    // ---------------------------------------------------------------- deploy/monitoring

    @Test
    void theMetricNameExtractorFindsMetricsAndOnlyThem() {
        assertThat(metricNames("sum by (le) (rate(foo_bucket{a=\"b\",c=~\"$instance\"}[5m])) / bar offset 1h > 0.5"
                + " and on() histogram_quantile(0.95, baz:rate5m[$__rate_interval]) or vector(0)"))
                .containsExactlyInAnyOrder("foo_bucket", "bar", "baz:rate5m");
    }

    @Test
    void alertsAndTheDashboardOnlyUseMetricsSoundHubExposes() throws IOException {
        Set<String> inRules = new TreeSet<>();
        for (Map<String, Object> rule : alertRules()) {
            inRules.addAll(metricNames(String.valueOf(rule.get("expr"))));
        }
        assertThat(inRules).isSubsetOf(KNOWN_METRICS).contains("up", "http_server_requests_seconds_count",
                "http_server_requests_seconds_bucket", "soundhub_jobs_due", "soundhub_jobs_oldest_due_seconds",
                "soundhub_jobs_failing", "soundhub_uploads_dead", "soundhub_uploads_stuck", "soundhub_disk_free_bytes",
                "soundhub_disk_size_bytes", "memory_usedHeap_bytes", "memory_maxHeap_bytes");

        Set<String> inDashboard = new TreeSet<>();
        for (String expr : dashboardExpressions()) {
            inDashboard.addAll(metricNames(expr));
        }
        assertThat(inDashboard).isSubsetOf(KNOWN_METRICS).contains("http_server_requests_seconds_count",
                "http_server_requests_seconds_bucket", "memory_usedHeap_bytes", "memory_maxHeap_bytes",
                "gc_time_seconds_total", "soundhub_jobs_due", "soundhub_jobs_running", "soundhub_jobs_oldest_due_seconds",
                "soundhub_jobs_failing", "soundhub_uploads_dead", "soundhub_uploads_stuck", "soundhub_disk_free_bytes");
    }

    @Test
    void everyAlertWaitsHasASeverityAndARunbookThatExists() throws IOException {
        Set<String> anchors = headingAnchors(MONITORING.resolve("README.md"));
        Set<String> names = new LinkedHashSet<>();
        for (Map<String, Object> rule : alertRules()) {
            String name = String.valueOf(rule.get("alert"));
            assertThat(names.add(name)).as("alert names are unique: " + name).isTrue();
            assertThat(String.valueOf(rule.get("for"))).as(name + " for").matches("\\d+[smh]");
            Map<String, Object> labels = map(rule.get("labels"));
            assertThat(labels.get("severity")).as(name + " severity").isIn("page", "ticket");
            Map<String, Object> annotations = map(rule.get("annotations"));
            assertThat(String.valueOf(annotations.get("summary"))).as(name + " summary").isNotBlank().isNotEqualTo("null");
            assertThat(String.valueOf(annotations.get("description"))).as(name + " description").isNotBlank().isNotEqualTo("null");
            Matcher runbook = Pattern.compile("deploy/monitoring/README\\.md#(.+)").matcher(String.valueOf(annotations.get("runbook_url")));
            assertThat(runbook.matches()).as(name + " runbook_url " + annotations.get("runbook_url")).isTrue();
            assertThat(runbook.group(1)).as(name + " runbook").isEqualTo(name.toLowerCase(Locale.ROOT)).isIn(anchors);

            // Gauges read from the shared database are the same on every instance: one alert, not one each.
            String expr = String.valueOf(rule.get("expr")).strip();
            if (expr.contains("soundhub_jobs_") || expr.contains("soundhub_uploads_")) {
                assertThat(expr).as(name + " aggregates the database-wide gauge").startsWith("max(");
            }
        }
        assertThat(names).contains("InstanceDown", "HighErrorRate", "HighLatencyP95", "JobQueueBacklog", "JobQueueStale",
                "JobsFailing", "DeadUploads", "StuckUploads", "DiskAlmostFull", "HeapPressure");
        assertThat(anchors).as("the logs section of the runbooks").contains("logs");
    }

    @Test
    void prometheusScrapesTheEnvironmentsInstancesWhereNginxServesMetrics() throws IOException {
        Map<String, Object> config = yamlMap(MONITORING.resolve("prometheus.yml"));
        List<Object> ruleFiles = list(config.get("rule_files"));
        assertThat(ruleFiles).isNotEmpty();
        for (Object ruleFile : ruleFiles) {
            assertThat(MONITORING.resolve(String.valueOf(ruleFile))).as("rule file next to prometheus.yml").exists();
        }
        assertThat(list(map(config.get("alerting")).get("alertmanagers"))).isNotEmpty();

        Map<String, Object> job = list(config.get("scrape_configs")).stream().map(DeploymentFilesTest::map)
                .filter(scrape -> "soundhub".equals(scrape.get("job_name")))
                .findFirst().orElseThrow(() -> new AssertionError("no scrape job 'soundhub'"));
        assertThat(job.get("metrics_path")).isEqualTo("/metrics");
        List<Object> discovery = list(job.get("ec2_sd_configs"));
        assertThat(discovery).hasSize(1);
        Map<String, Object> ec2 = map(discovery.get(0));
        // The management port, which Dockerrun publishes and the load balancer's target group does not use.
        int management = Integer.parseInt(Files.readString(ROOT.resolve("docker/Dockerfile"))
                .replaceAll("(?s).*SOUNDHUB_MANAGEMENT_PORT=(\\d+).*", "$1"));
        assertThat(ec2.get("port")).isEqualTo(management).isEqualTo(dockerrunHostPortOf(management));
        assertThat(Integer.parseInt(options().get(PROCESS).get("Port"))).as("the load balancer's port").isNotEqualTo(management);
        assertThat(String.valueOf(job.get("relabel_configs"))).contains("${1}:" + management);
        assertThat(list(ec2.get("filters"))).extracting(filter -> map(filter).get("name"))
                .contains("tag:elasticbeanstalk:environment-name");
        assertThat(String.valueOf(job.get("relabel_configs"))).contains("__meta_ec2_instance_id");

        // The alerts' job="..." matchers must name this job.
        for (Map<String, Object> rule : alertRules()) {
            Matcher jobs = Pattern.compile("job=\"([^\"]+)\"").matcher(String.valueOf(rule.get("expr")));
            while (jobs.find()) {
                assertThat(jobs.group(1)).as(rule.get("alert") + " job").isEqualTo("soundhub");
            }
        }
    }

    @Test
    void alertmanagerRoutesBySeverityAndInhibitsOnlyAlertsThatExist() throws IOException {
        Map<String, Object> config = yamlMap(MONITORING.resolve("alertmanager.yml"));
        Map<String, Object> route = map(config.get("route"));
        assertThat(list(route.get("group_by"))).contains("alertname");
        Set<String> receivers = list(config.get("receivers")).stream()
                .map(receiver -> String.valueOf(map(receiver).get("name"))).collect(Collectors.toSet());
        Set<String> routed = new TreeSet<>();
        routed.add(String.valueOf(route.get("receiver")));
        List<Object> routes = list(route.get("routes"));
        routes.forEach(child -> routed.add(String.valueOf(map(child).get("receiver"))));
        assertThat(receivers).containsAll(routed);
        assertThat(routes).anySatisfy(child -> assertThat(String.valueOf(map(child).get("matchers"))).contains("severity=\"page\""));

        Set<String> alerts = alertRules().stream().map(rule -> String.valueOf(rule.get("alert"))).collect(Collectors.toSet());
        List<Object> inhibitions = list(config.get("inhibit_rules"));
        assertThat(inhibitions).isNotEmpty();
        Pattern alertname = Pattern.compile("alertname=~?\"([^\"]+)\"");
        Set<String> sources = new TreeSet<>();
        for (Object inhibition : inhibitions) {
            Map<String, Object> rule = map(inhibition);
            for (String side : List.of("source_matchers", "target_matchers")) {
                for (Object matcher : list(rule.get(side))) {
                    Matcher named = alertname.matcher(String.valueOf(matcher));
                    if (named.find()) {
                        List<String> referenced = List.of(named.group(1).split("\\|"));
                        assertThat(alerts).as(side + " of " + rule).containsAll(referenced);
                        if (side.equals("source_matchers")) {
                            sources.addAll(referenced);
                        }
                    }
                }
            }
        }
        assertThat(sources).contains("InstanceDown", "JobQueueStale");
    }

    @Test
    void theDashboardIsAGrafanaDashboardOnAPrometheusDataSource() throws IOException {
        JsonObject dashboard = json(MONITORING.resolve("grafana-dashboard.json"));
        assertThat(dashboard.getString("title")).isEqualTo("SoundHub");
        assertThat(dashboard.getString("uid")).matches("[A-Za-z0-9_-]{1,40}");
        assertThat(dashboard.getInt("schemaVersion")).isBetween(36, 45);
        List<JsonObject> variables = dashboard.getJsonObject("templating").getJsonArray("list")
                .getValuesAs(JsonObject.class);
        assertThat(variables).anySatisfy(variable -> {
            assertThat(variable.getString("type")).isEqualTo("datasource");
            assertThat(variable.getString("query")).isEqualTo("prometheus");
        });
        String dataSourceVariable = variables.stream().filter(variable -> variable.getString("type").equals("datasource"))
                .map(variable -> "${" + variable.getString("name") + "}").findFirst().orElseThrow();

        Set<Integer> ids = new TreeSet<>();
        List<JsonObject> panels = allPanels(dashboard);
        assertThat(panels).hasSizeGreaterThanOrEqualTo(10);
        for (JsonObject panel : panels) {
            assertThat(ids.add(panel.getInt("id"))).as("unique panel id " + panel.getInt("id")).isTrue();
            assertThat(panel.getString("type")).isIn("timeseries", "stat", "row");
            assertThat(panel.getJsonObject("gridPos").keySet()).contains("x", "y", "w", "h");
            if (panel.getString("type").equals("row")) {
                continue;
            }
            assertThat(panel.getJsonObject("datasource").getString("uid")).isEqualTo(dataSourceVariable);
            List<JsonObject> targets = panel.getJsonArray("targets").getValuesAs(JsonObject.class);
            assertThat(targets).as(panel.getString("title")).isNotEmpty()
                    .allSatisfy(target -> assertThat(target.getString("expr")).isNotBlank());
        }
    }

    @Test
    void promtoolAcceptsTheRulesAndTheirTests() throws Exception {
        Path promtool = requireTool("promtool");
        assertSucceeds(List.of(promtool.toString(), "check", "rules", "deploy/monitoring/alert-rules.yml"));
        assertSucceeds(List.of(promtool.toString(), "test", "rules", "deploy/monitoring/alert-rules.test.yml"));
    }

    @Test
    void promtoolAcceptsThePrometheusConfiguration() throws Exception {
        Path promtool = requireTool("promtool");
        assertSucceeds(List.of(promtool.toString(), "check", "config", "deploy/monitoring/prometheus.yml"));
    }

    @Test
    void amtoolAcceptsTheAlertmanagerConfiguration() throws Exception {
        Path amtool = requireTool("amtool");
        assertSucceeds(List.of(amtool.toString(), "check-config", "deploy/monitoring/alertmanager.yml"));
    }

    // ---------------------------------------------------------------- helpers

    private static List<Path> configFiles() throws IOException {
        try (Stream<Path> files = Files.list(EBEXTENSIONS)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".config")).sorted().toList();
        }
    }

    /** Every option of every file, by namespace; an option set in two files is a mistake. */
    private static Map<String, Map<String, String>> options() throws IOException {
        Map<String, Map<String, String>> all = new HashMap<>();
        Map<String, Path> setIn = new HashMap<>();
        for (Path file : configFiles()) {
            for (Map.Entry<String, Map<String, String>> namespace : optionsOf(file).entrySet()) {
                Map<String, String> merged = all.computeIfAbsent(namespace.getKey(), key -> new LinkedHashMap<>());
                namespace.getValue().forEach((option, value) -> {
                    Path earlier = setIn.put(namespace.getKey() + " " + option, file);
                    assertThat(earlier).as(namespace.getKey() + " " + option + " set in " + earlier + " and " + file).isNull();
                    merged.put(option, value);
                });
            }
        }
        return all;
    }

    /** option_settings of one file, in either of its two forms (a map of namespaces, or a list of settings). */
    private static Map<String, Map<String, String>> optionsOf(Path file) throws IOException {
        Object settings = yamlMap(file).get("option_settings");
        Map<String, Map<String, String>> options = new LinkedHashMap<>();
        if (settings instanceof Map<?, ?> namespaces) {
            namespaces.forEach((namespace, values) -> {
                Map<String, String> target = options.computeIfAbsent(String.valueOf(namespace), key -> new LinkedHashMap<>());
                map(values).forEach((option, value) -> target.put(option, String.valueOf(value)));
            });
        } else if (settings instanceof List<?> entries) {
            for (Object entry : entries) {
                Map<String, Object> setting = map(entry);
                options.computeIfAbsent(String.valueOf(setting.get("namespace")), key -> new LinkedHashMap<>())
                        .put(String.valueOf(setting.get("option_name")), String.valueOf(setting.get("value")));
            }
        } else {
            fail(file + ": option_settings is neither a map nor a list: " + settings);
        }
        return options;
    }

    private static Map<String, Map<String, Object>> resources() throws IOException {
        Map<String, Map<String, Object>> all = new LinkedHashMap<>();
        for (Path file : configFiles()) {
            Object resources = yamlMap(file).get("Resources");
            if (resources != null) {
                map(resources).forEach((name, resource) -> all.put(name, map(resource)));
            }
        }
        return all;
    }

    private static int dockerrunPort(String key) throws IOException {
        JsonArray ports = json(BEANSTALK.resolve("Dockerrun.aws.json")).getJsonArray("Ports");
        assertThat(ports).as("Ports of Dockerrun.aws.json").isNotEmpty();
        JsonValue port = ports.getJsonObject(0).get(key);
        assertThat(port).as(key).isNotNull();
        return Integer.parseInt(port instanceof JsonString text ? text.getString() : port.toString());
    }

    /** The host port Dockerrun.aws.json publishes the container's {@code containerPort} on. */
    private static int dockerrunHostPortOf(int containerPort) throws IOException {
        for (JsonObject mapping : json(BEANSTALK.resolve("Dockerrun.aws.json")).getJsonArray("Ports").getValuesAs(JsonObject.class)) {
            if (mapping.getString("ContainerPort").equals(String.valueOf(containerPort))) {
                return Integer.parseInt(mapping.getString("HostPort"));
            }
        }
        throw new AssertionError("Dockerrun.aws.json does not publish port " + containerPort);
    }

    private static List<Map<String, Object>> alertRules() throws IOException {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Object group : list(yamlMap(MONITORING.resolve("alert-rules.yml")).get("groups"))) {
            for (Object rule : list(map(group).get("rules"))) {
                rules.add(map(rule));
            }
        }
        assertThat(rules).isNotEmpty().allSatisfy(rule -> assertThat(rule).containsKeys("alert", "expr"));
        return rules;
    }

    private static List<JsonObject> allPanels(JsonObject dashboard) {
        List<JsonObject> panels = new ArrayList<>();
        for (JsonObject panel : dashboard.getJsonArray("panels").getValuesAs(JsonObject.class)) {
            panels.add(panel);
            if (panel.containsKey("panels")) {
                panels.addAll(panel.getJsonArray("panels").getValuesAs(JsonObject.class));
            }
        }
        return panels;
    }

    private static List<String> dashboardExpressions() throws IOException {
        JsonObject dashboard = json(MONITORING.resolve("grafana-dashboard.json"));
        List<String> expressions = new ArrayList<>();
        for (JsonObject panel : allPanels(dashboard)) {
            if (panel.containsKey("targets")) {
                panel.getJsonArray("targets").getValuesAs(JsonObject.class)
                        .forEach(target -> expressions.add(target.getString("expr")));
            }
        }
        for (JsonObject variable : dashboard.getJsonObject("templating").getJsonArray("list").getValuesAs(JsonObject.class)) {
            if (variable.getString("type").equals("query")) {
                // label_values(metric{...}, label): the label is not a metric.
                expressions.add(variable.getString("definition").replaceAll(",\\s*\\w+\\)\\s*$", ")"));
            }
        }
        assertThat(expressions).isNotEmpty();
        return expressions;
    }

    /** The metric names a PromQL expression reads: identifiers that are not functions, keywords, labels or durations. */
    static Set<String> metricNames(String expr) {
        String bare = expr
                .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("'(?:[^'\\\\]|\\\\.)*'", "''")
                .replaceAll("\\{[^}]*}", "")
                .replaceAll("\\[[^]]*]", "")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = Pattern.compile("(?<![A-Za-z0-9_:.$])[A-Za-z_:][A-Za-z0-9_:]*").matcher(bare);
        while (identifier.find()) {
            String name = identifier.group();
            String rest = bare.substring(identifier.end()).stripLeading();
            if (rest.startsWith("(") || PROMQL_WORDS.contains(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            names.add(name);
        }
        return names;
    }

    /** The anchors GitHub gives the Markdown headings of a file (outside code blocks). */
    private static Set<String> headingAnchors(Path markdown) throws IOException {
        Set<String> anchors = new TreeSet<>();
        boolean inCode = false;
        for (String line : Files.readAllLines(markdown)) {
            if (line.startsWith("```")) {
                inCode = !inCode;
                continue;
            }
            Matcher heading = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$").matcher(line);
            if (!inCode && heading.matches()) {
                anchors.add(heading.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }

    private static Map<String, Object> yamlMap(Path file) throws IOException {
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
        assertThat(document).as(file + " is a YAML mapping").isInstanceOf(Map.class);
        return map(document);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).as("a mapping").isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        assertThat(value).as("a list").isInstanceOf(List.class);
        return (List<Object>) value;
    }

    private static JsonObject json(Path file) throws IOException {
        try (JsonReader reader = Json.createReader(new StringReader(Files.readString(file)))) {
            return reader.readObject();
        }
    }

    /** A JSON value that IAM and S3 accept as one string or a list of them. */
    private static List<String> strings(JsonValue value) {
        assertThat(value).isNotNull();
        if (value instanceof JsonString text) {
            return List.of(text.getString());
        }
        return value.asJsonArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    record Run(int exitCode, String output) {
    }

    private static Run run(List<String> command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("soundhub-deployment-check", ".log");
        try {
            Process process = new ProcessBuilder(command).directory(ROOT.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish:\n" + Files.readString(output));
            }
            return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static void assertSucceeds(List<String> command) throws IOException, InterruptedException {
        Run run = run(command);
        assertThat(run.exitCode()).as(String.join(" ", command) + "\n" + run.output()).isZero();
    }

    /** The tool's path; skips the test without it, or fails where the checks are required. */
    private static Path requireTool(String tool) {
        List<String> folders = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        folders.addAll(List.of("/usr/local/bin", "/usr/bin", "/bin"));
        Optional<Path> found = folders.stream().filter(folder -> !folder.isBlank())
                .map(folder -> Path.of(folder, tool)).filter(Files::isExecutable).findFirst();
        if (found.isEmpty()) {
            String message = tool + " is not installed (apt-get install prometheus prometheus-alertmanager)";
            if ("required".equals(System.getProperty("soundhub.deploy-checks"))) {
                fail("The monitoring configuration must be checked, but " + message);
            }
            Assumptions.abort(message + "; check skipped");
        }
        return found.get();
    }
}
