package dev.chartroom.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * A test that skips itself fails, unless {@code src/test/resources/listed-skips.txt} lists it
 * for the pass of this run (h2, postgres or jar), with its reason. Registered for every test by
 * {@code META-INF/services}, so a skip can never hide a test on a machine that lacks something.
 */
public final class ListedSkips implements InvocationInterceptor {

    private static final Set<String> LISTED = read();

    @Override
    public void interceptTestMethod(
            Invocation<Void> invocation, ReflectiveInvocationContext<Method> method, ExtensionContext context)
            throws Throwable {
        guard(invocation, method.getExecutable());
    }

    @Override
    public void interceptTestTemplateMethod(
            Invocation<Void> invocation, ReflectiveInvocationContext<Method> method, ExtensionContext context)
            throws Throwable {
        guard(invocation, method.getExecutable());
    }

    @Override
    public void interceptBeforeAllMethod(
            Invocation<Void> invocation, ReflectiveInvocationContext<Method> method, ExtensionContext context)
            throws Throwable {
        guard(invocation, method.getExecutable());
    }

    @Override
    public void interceptBeforeEachMethod(
            Invocation<Void> invocation, ReflectiveInvocationContext<Method> method, ExtensionContext context)
            throws Throwable {
        guard(invocation, method.getExecutable());
    }

    private static void guard(Invocation<Void> invocation, Method method) throws Throwable {
        try {
            invocation.proceed();
        } catch (TestAbortedException skipped) {
            String name = method.getDeclaringClass().getName() + "#" + method.getName();
            if (!LISTED.contains(pass() + " " + name)) {
                throw new AssertionFailedError(
                        "skipped in pass " + pass() + " but not in listed-skips.txt: " + name + " ("
                                + skipped.getMessage() + ")",
                        skipped);
            }
            throw skipped;
        }
    }

    /**
     * The test pass of this run, as the build names it ({@code chartroom.test.pass}: h2, postgres, or
     * jar for the packaged jar's tests); run from an IDE without it, the database's name.
     */
    private static String pass() {
        return System.getProperty("chartroom.test.pass", TestDatabase.postgres() ? "postgres" : "h2");
    }

    /** Lines "pass class#method reason…"; '#' starts a comment line. */
    private static Set<String> read() {
        try (InputStream in = ListedSkips.class.getResourceAsStream("/listed-skips.txt")) {
            if (in == null) {
                return Set.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.split("\\s+", 3))
                    .filter(words -> words.length == 3)
                    .map(words -> words[0] + " " + words[1])
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
