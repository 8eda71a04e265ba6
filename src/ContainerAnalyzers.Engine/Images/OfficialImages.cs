using System;
using System.Collections.Generic;

namespace ContainerAnalyzers.Images;

/// <summary>
/// The names of Docker Hub's official images (docker.io/library/…), current and retired: what a plain lower-case word
/// such as <c>COPY --from=nginx</c> pulls. Generous on purpose: a word missing here could be reported as a stage
/// that does not exist, so retired and rare images are listed too.
/// </summary>
public static class OfficialImages
{
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "adminer", "aerospike", "alpine", "almalinux", "alt", "amazoncorretto", "amazonlinux", "api-firewall", "arangodb",
        "archlinux", "backdrop", "bash", "bonita", "buildpack-deps", "busybox", "caddy", "cassandra", "celery", "centos",
        "chronograf", "cirros", "clearlinux", "clefos", "clickhouse", "clojure", "composer", "consul", "convertigo",
        "couchbase", "couchdb", "crate", "crux", "dart", "debian", "django", "docker", "drupal", "eclipse-mosquitto",
        "eclipse-temurin", "eggdrop", "elasticsearch", "elixir", "emqx", "erlang", "express-gateway", "fedora", "flink",
        "fluentd", "friendica", "fsharp", "gazebo", "gcc", "geonetwork", "ghost", "glassfish", "golang", "gradle", "groovy",
        "haproxy", "haskell", "haxe", "hello-seattle", "hello-world", "hipache", "hitch", "httpd", "hylang",
        "ibm-semeru-runtimes", "ibmjava", "influxdb", "iojs", "irssi", "java", "jenkins", "jetty", "jobber", "joomla",
        "jruby", "julia", "kaazing-gateway", "kapacitor", "kibana", "known", "kong", "krakend", "lightstreamer", "liquibase",
        "logstash", "mageia", "mariadb", "matomo", "maven", "mediawiki", "memcached", "mongo", "mongo-express", "monica",
        "mono", "mysql", "nats", "nats-streaming", "neo4j", "neurodebian", "nextcloud", "nginx", "node", "notary", "nuxeo",
        "odoo", "open-liberty", "openjdk", "opensuse", "oraclelinux", "orientdb", "owncloud", "percona", "perl", "photon",
        "php", "php-zendserver", "phpmyadmin", "piwik", "plone", "postfixadmin", "postgres", "pypy", "python", "r-base",
        "rabbitmq", "rails", "rakudo-star", "rapidoid", "redis", "redmine", "registry", "rethinkdb", "rocket.chat",
        "rockylinux", "ros", "ruby", "rust", "sapmachine", "satosa", "scratch", "sentry", "silverpeas", "sl", "solr",
        "sonarqube", "sourcemage", "spark", "spiderfoot", "storm", "swarm", "swift", "swipl", "teamspeak", "telegraf",
        "thrift", "tomcat", "tomee", "traefik", "ubuntu", "ubuntu-debootstrap", "ubuntu-upstart", "unit", "varnish",
        "vault", "websphere-liberty", "wordpress", "xwiki", "yourls", "znc", "zookeeper",
    };

    /// <summary>Whether a plain word names an official image (case-sensitive: image names are lower-case).</summary>
    public static bool Contains(string name) => Names.Contains(name);
}
