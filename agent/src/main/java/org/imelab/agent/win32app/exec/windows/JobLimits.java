package org.imelab.agent.win32app.exec.windows;

import com.sun.jna.Structure;
import com.sun.jna.platform.win32.BaseTSD;
import com.sun.jna.platform.win32.WinNT;

/**
 * JOBOBJECT_EXTENDED_LIMIT_INFORMATION (winnt.h): 144 bytes on 64-bit Windows, 112 on 32-bit.
 * Only LimitFlags is ever set; the rest stays zero ("no limit").
 */
@Structure.FieldOrder({"BasicLimitInformation", "IoInfo", "ProcessMemoryLimit", "JobMemoryLimit",
        "PeakProcessMemoryUsed", "PeakJobMemoryUsed"})
public class JobLimits extends Structure {
    /** Ends every process of the job when its last handle closes: a timeout kill takes the whole tree. */
    static final int JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE = 0x2000;

    /** JOBOBJECT_BASIC_LIMIT_INFORMATION. */
    @Structure.FieldOrder({"PerProcessUserTimeLimit", "PerJobUserTimeLimit", "LimitFlags", "MinimumWorkingSetSize",
            "MaximumWorkingSetSize", "ActiveProcessLimit", "Affinity", "PriorityClass", "SchedulingClass"})
    public static class Basic extends Structure {
        public long PerProcessUserTimeLimit;
        public long PerJobUserTimeLimit;
        public int LimitFlags;
        public BaseTSD.SIZE_T MinimumWorkingSetSize = new BaseTSD.SIZE_T();
        public BaseTSD.SIZE_T MaximumWorkingSetSize = new BaseTSD.SIZE_T();
        public int ActiveProcessLimit;
        public BaseTSD.ULONG_PTR Affinity = new BaseTSD.ULONG_PTR();
        public int PriorityClass;
        public int SchedulingClass;
    }

    public Basic BasicLimitInformation = new Basic();
    public WinNT.IO_COUNTERS IoInfo = new WinNT.IO_COUNTERS();
    public BaseTSD.SIZE_T ProcessMemoryLimit = new BaseTSD.SIZE_T();
    public BaseTSD.SIZE_T JobMemoryLimit = new BaseTSD.SIZE_T();
    public BaseTSD.SIZE_T PeakProcessMemoryUsed = new BaseTSD.SIZE_T();
    public BaseTSD.SIZE_T PeakJobMemoryUsed = new BaseTSD.SIZE_T();

    static JobLimits withFlags(int limitFlags) {
        JobLimits l = new JobLimits();
        l.BasicLimitInformation.LimitFlags = limitFlags;
        return l;
    }
}
