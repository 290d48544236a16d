package io.rootline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench's tarballs list their members as sos's own do. */
class ArchivesTest {

    @Test
    void membersComeInTheOrderSosWritesThem(@TempDir Path folder) throws Exception {
        for (String file : List.of("r/var/log/messages", "r/sos_commands/kernel/dmesg_-T", "r/sos_commands/kernel/dmesg",
                "r/proc/stat", "r/etc/sysconfig/network-scripts/ifcfg-eth0", "r/etc/sysconfig/network/config",
                "r/sos_reports/manifest.json", "r/sos_logs/sos.log", "r/version.txt")) {
            Files.createDirectories(folder.resolve(file).getParent());
            Files.writeString(folder.resolve(file), "x\n");
        }
        assertEquals(List.of(
                "r/version.txt", "r/sos_reports", "r/sos_reports/manifest.json", "r/sos_logs", "r/sos_logs/sos.log",
                "r",
                // folder by folder, as Python sorts names: network/ before network-scripts/, though '-' < '/'
                "r/etc", "r/etc/sysconfig", "r/etc/sysconfig/network", "r/etc/sysconfig/network/config",
                "r/etc/sysconfig/network-scripts", "r/etc/sysconfig/network-scripts/ifcfg-eth0",
                "r/proc", "r/proc/stat",
                "r/sos_commands", "r/sos_commands/kernel", "r/sos_commands/kernel/dmesg", "r/sos_commands/kernel/dmesg_-T",
                "r/var", "r/var/log", "r/var/log/messages"),
                Archives.members(folder));
    }
}
