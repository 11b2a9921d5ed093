package io.dynagate.emulator.vtl;

import java.io.Reader;
import org.apache.velocity.exception.ResourceNotFoundException;
import org.apache.velocity.runtime.resource.Resource;
import org.apache.velocity.runtime.resource.loader.ResourceLoader;
import org.apache.velocity.util.ExtProperties;

/** The only resource loader: API Gateway templates cannot {@code #include} or {@code #parse}. */
public final class NoResources extends ResourceLoader {

  @Override
  public void init(ExtProperties configuration) {}

  @Override
  public Reader getResourceReader(String source, String encoding) {
    throw new ResourceNotFoundException(
        "#include and #parse are not available in mapping templates: " + source);
  }

  @Override
  public boolean isSourceModified(Resource resource) {
    return false;
  }

  @Override
  public long getLastModified(Resource resource) {
    return 0;
  }
}
