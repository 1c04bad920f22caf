package com.soundhub.platform.metrics;

import java.io.File;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

/** Free and total space of the disk media work writes its temporary files to. */
@ApplicationScoped
public class DiskGauges {

    @Inject
    MetricRegistry registry;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        File work = new File(System.getProperty("java.io.tmpdir"));
        registry.gauge(Metadata.builder().withName("soundhub.disk.free")
                .withDescription("Free space where media work writes its files").withUnit(MetricUnits.BYTES).build(),
                work, File::getUsableSpace);
        registry.gauge(Metadata.builder().withName("soundhub.disk.size")
                .withDescription("Size of the disk media work writes to").withUnit(MetricUnits.BYTES).build(),
                work, File::getTotalSpace);
    }
}
