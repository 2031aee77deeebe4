from tomtat.cli import main

if __name__ == "__main__":  # not when Dask's spawned workers import this module
    main()
