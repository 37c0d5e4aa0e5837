export const helpText = `image-copy: copy container images between registries and local formats
(the copy engine of containers/image, as skopeo copy runs it).

Usage: image-copy SRC DEST... [flags]
       image-copy --src SRC --dest DEST [--dest DEST...] [flags]

References: docker://host/repo[:tag|@digest] (or host/repo:tag), oci:PATH[:REF],
            oci-archive:PATH[:REF], dir:PATH, docker-archive:PATH[:NAME:TAG|:@N],
            docker-daemon:NAME:TAG (the Engine at DOCKER_HOST)

Selection (when SRC is a manifest list):
  (default)                   copy one image, for --platform or this machine's platform
  --platform OS/ARCH[/VAR]    the platform a single-image copy picks
  --all-images                copy the list and every image in it
  --instances DIGEST,...      copy the list and these images (repeatable)
  --platforms OS/ARCH[/VAR],... copy the list and the images for these platforms (repeatable)
  --sparse-list strip|keep    unselected entries: removed from the list (strip, default) or kept

Format:
  --force-mime-type T         oci, v2s2, v2s1, or a full manifest MIME type
  --preserve-digests          fail rather than change any manifest
  --remove-signatures         do not copy signatures

Registries:
  --src-username U --src-password P   (or IMAGE_COPY_SRC_PASSWORD, or --src-password-stdin)
  --src-registry-token T
  --dest-username U --dest-password P (or IMAGE_COPY_DEST_PASSWORD, or --dest-password-stdin)
  --dest-registry-token T
  --src-tls-verify=false, --dest-tls-verify=false   allow self-signed TLS and plain http
  --src-cert-dir DIR, --dest-cert-dir DIR           *.crt CAs, *.cert + *.key client certificate
  --src-shared-blob-dir DIR, --dest-shared-blob-dir DIR   blobs shared between OCI layouts (oci:)
  --retry-times N             retries per request (default 3)
  --parallel N                blobs copied at once (default 6)

Cache:
  --cache-dir DIR             a local blob cache: blobs are read from it before the source
  --cache-max-size SIZE       bound for --cache-dir (default 2GiB), least recently used dropped first

Output:
  --digestfile PATH           write the digest of the manifest written (of the first destination)
  --json                      print the result as JSON on stdout
  --quiet                     no progress lines
  --help, --version

Exit codes: 0 copied; 1 failed; 2 bad usage; 3 source image not found;
130/143 cancelled by SIGINT/SIGTERM.
`
