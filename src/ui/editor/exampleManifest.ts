/** exampleManifest seeds the editor: the nginx Pod from the Kubernetes docs, ready to Apply. */
export const exampleManifest = `# A Pod running nginx.
# Apply (Ctrl+Enter) creates it in the cluster.
apiVersion: v1
kind: Pod
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  containers:
    - name: nginx
      image: nginx:1.27
      ports:
        - containerPort: 80
`;
