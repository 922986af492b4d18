package dev.chartroom.intake;

import org.springframework.util.unit.DataSize;

/**
 * A contract controller that declares how long a request body it reads may be: {@link BodyLimits}
 * refuses a longer declared length with 413 before a byte of it is read (parts are parsed lazily,
 * after interceptors). Bodies without a declared length are held to the server-wide limit while
 * streaming and to the contract's own file limit once parsed.
 */
public interface LimitedBody {

    /** Room for the multipart envelope and the small fields beside the file. */
    long ENVELOPE = 64 * 1024;

    /** The longest declared body this controller's endpoints read, in bytes. */
    long maxBody();

    /** The file limit the refusal names. */
    DataSize fileLimit();
}
